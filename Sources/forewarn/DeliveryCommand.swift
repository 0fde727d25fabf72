import ArgumentParser
import Delivery
import Foundation
import HTTPTransport
import Logging
import Store
import Zones

/// `forewarn delivery-soak`: stores N webhook notices (idempotently) and dispatches until all are finished.
///
/// Hidden: the delivery crash test kills it at random instants and restarts it; the fan-out benchmark times it.
struct DeliverySoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery-soak",
        abstract: "Store N webhook notices and dispatch them until none is pending (for crash tests and benchmarks).",
        shouldDisplay: false)

    @Option(help: "The store: a SQLite file (created if missing) or postgres://USER@HOST:PORT/DB (shared).")
    var store: String

    @Option(help: "With PostgreSQL: seconds after which another instance may reclaim this one's unrenewed claims.")
    var claimTimeout: Double = 60

    @Option(help: "The webhook receiver URL.")
    var url: String

    @Option(help: "How many notices to store (identities 0..<N; already stored ones are kept).")
    var notices: Int = 100

    @Option(help: "Requests in flight at once.")
    var concurrency: Int = 16

    @Option(help: "Submit at this many notices per second while dispatching (default: store all, then dispatch).")
    var rate: Double?

    @Option(help: "Environment variable holding the whsec_ signing secret (unsigned when absent).")
    var secretVariable: String = "FOREWARN_SOAK_SECRET"

    func run() async throws {
        guard notices >= 0, notices <= 10_000_000 else { throw ValidationError("--notices must be in 0...10000000") }
        let logger = Logger(label: "forewarn.delivery-soak")
        let opened = try await SoakStore.open(store, claimTimeout: claimTimeout, logger: logger)
        let outbox = opened.store
        let beating = opened.heartbeat.map { heartbeat in Task { await heartbeat.run() } }
        defer { beating?.cancel() }
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let signed = ProcessInfo.processInfo.environment[secretVariable] != nil
        let receiver = ReceiverConfig(
            name: "soak",
            kind: .webhook(
                WebhookReceiver(
                    url: url, secretNames: signed ? [secretVariable] : [], headers: opened.headers)),
            maximumConcurrency: concurrency,
            retry: RetrySchedule(delays: Array(repeating: .milliseconds(200), count: 50)))
        let dispatcher = try Dispatcher(
            store: outbox, recipients: outbox, transport: transport, receivers: [receiver], logger: logger)
        if let rate, rate > 0 {
            // Paced: every 10 ms, the notices whose time has come are submitted together (as an engine tick would).
            let loop = Task { try await dispatcher.run(pollInterval: .milliseconds(100), batchSize: 512) }
            let start = ContinuousClock.now
            var next = 0
            while next < notices {
                try await Task.sleep(for: .milliseconds(10))
                let (whole, fraction) = (ContinuousClock.now - start).components
                let elapsed = Double(whole) + Double(fraction) / 1e18
                let due = min(notices, Int((elapsed * rate).rounded(.down)) + 1)
                guard due > next else { continue }
                _ = try await dispatcher.submit(contentsOf: (next..<due).map(submission))
                next = due
            }
            while try await unfinished(outbox) > 0 { try await Task.sleep(for: .milliseconds(100)) }
            loop.cancel()
            _ = await loop.result
        } else {
            // Fan-out: stored in batches of 1,000 (one transaction each), then dispatched by the run loop.
            for first in stride(from: 0, to: notices, by: 1_000) {
                _ = try await dispatcher.submit(contentsOf: (first..<min(notices, first + 1_000)).map(submission))
            }
            let loop = Task { try await dispatcher.run(pollInterval: .milliseconds(100), batchSize: 512) }
            while try await unfinished(outbox) > 0 { try await Task.sleep(for: .milliseconds(100)) }
            loop.cancel()
            _ = await loop.result
        }
        let counts = try await outbox.countByState()
        print(
            counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }
                .joined(separator: " "))
    }

    private func submission(_ index: Int) -> NoticeSubmission {
        NoticeSubmission(
            identity: NoticeIdentity(occurrence: "soak", action: "notify", step: String(index), recipient: "r"),
            receiver: "soak",
            candidate: PolicyCandidate(
                recipient: "r", address: url, channel: "webhook", audience: "soak", timeZone: .utc, isCustomer: false),
            settings: PolicySettings(frequencyCap: nil, quietHours: nil), text: "notice \(index)",
            data: ["step": String(index)])
    }

    private func unfinished(_ outbox: any NoticeStore) async throws -> Int {
        try await outbox.countByState().filter { $0.key.isUnfinished }.values.reduce(0, +)
    }
}
