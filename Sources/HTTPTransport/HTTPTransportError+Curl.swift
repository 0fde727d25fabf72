import CCurl

extension HTTPTransportError {
    /// Maps a libcurl result code to the error a caller can act on.
    init(code: CURLcode, message: String, overLimit: Bool, limit: Int) {
        switch code {
        case CURLE_WRITE_ERROR where overLimit, CURLE_FILESIZE_EXCEEDED:
            self = .responseTooLarge(limit: limit)
        case CURLE_COULDNT_CONNECT:
            self = .connectionRefused(message: message)
        case CURLE_OPERATION_TIMEDOUT:
            self = .timedOut(message: message)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            self = .nameResolution(message: message)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
            CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED:
            self = .tls(message: message)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            self = .invalidRequest(message: message)
        default:
            self = .other(code: Int(code.rawValue), message: message)
        }
    }
}
