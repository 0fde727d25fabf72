import Foundation
import HTTPTransport

/// What `forewarn status` shows, fetched from a running daemon's API.
public struct StatusSnapshot: Sendable {
    /// One signal row.
    public struct SignalRow: Sendable, Decodable, Equatable {
        /// The signal's name.
        public var name: String
        /// `healthy`, `stale …`, `unhealthy: …`.
        public var health: String
        /// The source kind.
        public var source: String
        /// The last good value, as text.
        public var lastValue: String?
    }

    /// Plans in force (from /readyz), nil when not ready.
    public var plans: Int?
    /// The signals (nil when the token was refused).
    public var signals: [SignalRow]?
    /// Upcoming occurrences, nil when the engine is not wired (501) or the call failed.
    public var occurrences: [UpcomingOccurrence]?
    /// The instances sharing the store, leader first (nil when the call failed or the daemon is older).
    public var instances: [InstanceStatus]? = nil
    /// Problems met while asking (e.g. `signals: 401 missing or wrong bearer token`).
    public var problems: [String]
}

/// Asks a running daemon for its status over the HTTP API (libcurl through HTTPTransport).
public struct StatusClient: Sendable {
    private let baseURL: String
    private let token: String?

    /// Creates a client for `baseURL` (e.g. `http://127.0.0.1:9330`) with an optional bearer token.
    public init(baseURL: String, token: String?) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
    }

    /// Fetches health, readiness, signals and (when available) occurrences and instances.
    public func fetch() async throws -> StatusSnapshot {
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        var snapshot = StatusSnapshot(plans: nil, signals: nil, occurrences: nil, problems: [])
        let health = try await get("/healthz", transport)
        guard health.status == 200 else {
            throw DaemonStartError(errno: EIO, "\(baseURL)/healthz answered \(health.status)")
        }
        struct Ready: Decodable { var plans: Int }
        struct Signals: Decodable { var signals: [StatusSnapshot.SignalRow] }
        struct Occurrences: Decodable { var occurrences: [UpcomingOccurrence] }
        let ready = try await get("/readyz", transport)
        snapshot.plans = try? JSONDecoder().decode(Ready.self, from: Data(ready.body)).plans
        let signals = try await get("/api/v1/signals", transport)
        if signals.status == 200 {
            snapshot.signals = try JSONDecoder().decode(Signals.self, from: Data(signals.body)).signals
        } else {
            snapshot.problems.append("signals: \(signals.status) \(Self.message(signals.body))")
        }
        let occurrences = try await get("/api/v1/occurrences", transport)
        if occurrences.status == 200 {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            snapshot.occurrences = try decoder.decode(Occurrences.self, from: Data(occurrences.body)).occurrences
        } else if occurrences.status != 501 {
            snapshot.problems.append("occurrences: \(occurrences.status) \(Self.message(occurrences.body))")
        }
        snapshot.instances = try await fetchInstances(transport, problems: &snapshot.problems)
        return snapshot
    }

    private func fetchInstances(
        _ transport: HTTPTransport, problems: inout [String]
    ) async throws -> [InstanceStatus]? {
        struct Instances: Decodable { var instances: [InstanceStatus] }
        let reply = try await get("/api/v1/instances", transport)
        guard reply.status == 200 else {
            if reply.status != 404 { problems.append("instances: \(reply.status) \(Self.message(reply.body))") }
            return nil
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Instances.self, from: Data(reply.body)).instances
    }

    private func get(_ path: String, _ transport: HTTPTransport) async throws -> (status: Int, body: [UInt8]) {
        var headers: [HTTPHeader] = []
        if let token { headers.append(HTTPHeader("Authorization", "Bearer \(token)")) }
        let response = try await transport.perform(
            HTTPRequest(url: baseURL + path, headers: headers, totalTimeout: .seconds(10)))
        return (response.status, response.body)
    }

    private static func message(_ body: [UInt8]) -> String {
        struct Body: Decodable { struct Detail: Decodable { var message: String }; var error: Detail }
        return (try? JSONDecoder().decode(Body.self, from: Data(body)).error.message) ?? ""
    }
}
