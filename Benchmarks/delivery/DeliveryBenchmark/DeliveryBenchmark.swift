// Fan-out benchmark driver for forewarn's durable delivery: the same path as `forewarn run` (policies, the SQLite
// outbox, the dispatcher's run loop over libcurl), without the daemon, so a release build needs only Delivery.
//
// Usage: delivery-bench --store FILE --url URL [--notices N] [--concurrency C] [--rate PER_SECOND]
//   without --rate: stores N notices (1,000 per transaction), then runs the loop until none is unfinished;
//   with --rate: submits N notices at that rate (one batch per 10 ms tick) while the loop runs.
// Signs with $FOREWARN_SOAK_SECRET when set. Prints the final counts by state.
import Delivery
import Foundation
import HTTPTransport
import Logging
import Store

/// The benchmark's entry point.
@main
struct DeliveryBenchmark {
    static func option(_ name: String) -> String? {
        let arguments = CommandLine.arguments
        guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    /// User plus system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func main() async throws {
        guard let storePath = option("store"), let url = option("url") else {
            FileHandle.standardError.write(
                Data("usage: delivery-bench --store FILE --url URL [--notices N] [--concurrency C] [--rate R]\n".utf8))
            Foundation.exit(2)
        }
        let notices = Int(option("notices") ?? "") ?? 100_000
        let concurrency = Int(option("concurrency") ?? "") ?? 16
        let rate = Double(option("rate") ?? "")
        let secretName = "FOREWARN_SOAK_SECRET"
        let signed = ProcessInfo.processInfo.environment[secretName] != nil

        let submission: @Sendable (Int) -> NoticeSubmission = { index in
            NoticeSubmission(
                identity: NoticeIdentity(occurrence: "soak", action: "notify", step: String(index), recipient: "r"),
                receiver: "soak",
                candidate: PolicyCandidate(
                    recipient: "r", address: url, channel: "webhook", audience: "soak", timeZone: .utc,
                    isCustomer: false),
                settings: PolicySettings(frequencyCap: nil, quietHours: nil), text: "notice \(index)",
                data: ["step": String(index)])
        }

        let outbox = try SQLiteStore(path: storePath)
        let transport = HTTPTransport()
        let receiver = ReceiverConfig(
            name: "soak", kind: .webhook(WebhookReceiver(url: url, secretNames: signed ? [secretName] : [])),
            maximumConcurrency: concurrency,
            retry: RetrySchedule(delays: Array(repeating: .milliseconds(200), count: 50)))
        let dispatcher = try Dispatcher(
            store: outbox, recipients: outbox, transport: transport, receivers: [receiver],
            logger: Logger(label: "delivery-bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let clock = ContinuousClock()
        let start = clock.now
        var loop: Task<Void, any Error>
        if let rate, rate > 0 {
            loop = Task { try await dispatcher.run(pollInterval: .milliseconds(100), batchSize: 512) }
            var next = 0
            while next < notices {
                try await Task.sleep(for: .milliseconds(10))
                let (whole, fraction) = (clock.now - start).components
                let due = min(notices, Int(((Double(whole) + Double(fraction) / 1e18) * rate).rounded(.down)) + 1)
                guard due > next else { continue }
                _ = try await dispatcher.submit(contentsOf: (next..<due).map(submission))
                next = due
            }
        } else {
            for first in stride(from: 0, to: notices, by: 1_000) {
                _ = try await dispatcher.submit(contentsOf: (first..<min(notices, first + 1_000)).map(submission))
            }
            print("stored \(notices) notices in \(clock.now - start), CPU \(cpuSeconds()) s")
            loop = Task { try await dispatcher.run(pollInterval: .milliseconds(100), batchSize: 512) }
        }
        while try await outbox.unfinishedCount() > 0 { try await Task.sleep(for: .milliseconds(100)) }
        loop.cancel()
        _ = await loop.result
        transport.shutdown()
        print("CPU of the whole run: \(cpuSeconds()) s (user + system)")
        let counts = try await outbox.countByState()
        print(
            counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(
                separator: " "))
    }
}
