import Foundation
import PostgresNIO
import Store

extension PostgresLocation {
    /// libpq's `sslmode`s: how much of TLS a connection insists on.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, else plain; the certificate is not checked (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is not checked (unless `sslrootcert` is given: then as verify-ca).
        case require
        /// TLS with a certificate chain from a trusted authority; the host name is not compared.
        case verifyCA = "verify-ca"
        /// TLS with a trusted chain whose certificate names the host (or IP address) connected to.
        case verifyFull = "verify-full"
    }

    /// `sslmode` and `sslrootcert` from the URL's query; anything else is refused with what is accepted.
    static func tlsParameters(_ items: [URLQueryItem]) throws -> (TLSMode, String?) {
        var mode = TLSMode.prefer
        var root: String?
        for item in items {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let parsed = TLSMode(rawValue: value) else {
                    throw StoreError(
                        "the store URL's sslmode '\(item.value ?? "")' is not one of "
                            + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                mode = parsed
            case "sslrootcert":
                guard let value = item.value, !value.isEmpty else {
                    throw StoreError("the store URL's sslrootcert is empty; name a PEM file of CA certificates")
                }
                root = value
            default:
                throw StoreError(
                    "the store URL's parameter '\(item.name)' is not understood; use sslmode= and sslrootcert=")
            }
        }
        return (mode, root)
    }

    /// The TLS settings of a NIO client, checking that `rootCertificates` can be read.
    func tlsConfiguration() throws -> (TLSConfiguration, required: Bool)? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let rootCertificates {
            guard FileManager.default.isReadableFile(atPath: rootCertificates) else {
                throw StoreError(
                    "cannot read sslrootcert '\(rootCertificates)'; name a readable PEM file of CA certificates")
            }
            configuration.trustRoots = .file(rootCertificates)
        }
        switch tls {
        case .disable: return nil
        case .prefer:
            configuration.certificateVerification = .none
            return (configuration, false)
        case .require:
            configuration.certificateVerification = rootCertificates == nil ? .none : .noHostnameVerification
            return (configuration, true)
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
            return (configuration, true)
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
            return (configuration, true)
        }
    }

    /// The pool's TLS setting.
    func clientTLS() throws -> PostgresClient.Configuration.TLS {
        guard let (configuration, required) = try tlsConfiguration() else { return .disable }
        return required ? .require(configuration) : .prefer(configuration)
    }

    /// A single connection's TLS setting (the start-up probe).
    func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        guard let (configuration, required) = try tlsConfiguration() else { return .disable }
        do {
            let context = try NIOSSLContext(configuration: configuration)
            return required ? .require(context) : .prefer(context)
        } catch {
            throw StoreError(
                "cannot set up TLS for \(self): \(error); check that sslrootcert names a PEM file of CA certificates")
        }
    }
}
