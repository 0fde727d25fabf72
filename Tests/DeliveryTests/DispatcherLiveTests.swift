import Foundation
import HTTPTransport
import Logging
import Store
import TestPeers
import Testing
import Zones

@testable import Delivery

/// A dispatcher wired to a fresh SQLite store, a real transport and the fault receiver.
struct LiveRig {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    let receiver: FaultReceiver
    let store: SQLiteStore
    let transport = HTTPTransport()
    let clock = ManualClock(Date(timeIntervalSince1970: 1_779_638_400))  // 12:00 in New York
    let storeDirectory: TemporaryDirectory
    let disabled = DisabledLog()

    init() throws {
        receiver = try FaultReceiver(secret: Self.secret)
        storeDirectory = try TemporaryDirectory()
        store = try SQLiteStore(path: storeDirectory.path + "/forewarn.sqlite")
    }

    func makeDispatcher(path: String, totalTimeout: Duration = .seconds(30), url: String? = nil) throws -> Dispatcher {
        let config = ReceiverConfig(
            name: "hook",
            kind: .webhook(WebhookReceiver(url: url ?? receiver.baseURL + path, secretNames: ["HOOK_SECRET"])),
            totalTimeout: totalTimeout)
        let clock = self.clock
        let disabled = self.disabled
        return try Dispatcher(
            store: store, recipients: store, transport: transport, receivers: [config],
            secrets: SecretResolver(credentialsDirectory: nil, environment: ["HOOK_SECRET": Self.secret]),
            now: { clock.now }, randomUnit: { 0.5 }, logger: quietLogger,
            onReceiverDisabled: { name, _ in disabled.add(name) })
    }

    func submission(step: String = "before-2h", customer: Bool = false) -> NoticeSubmission {
        NoticeSubmission(
            identity: NoticeIdentity(
                occurrence: "checkout-surge/2026-05-24", action: "notify", step: step,
                recipient: "on-call"),
            receiver: "hook",
            candidate: PolicyCandidate(
                recipient: "on-call", address: "ops", channel: "webhook", audience: "on-call",
                timeZone: Zone(identifier: "America/New_York")!, isCustomer: customer),
            settings: PolicySettings(frequencyCap: nil, quietHours: nil), text: "Checkout surge in 2 h: ¡atención!")
    }

    func stop() {
        transport.shutdown()
        receiver.stop()
        storeDirectory.remove()
    }
}

final class DisabledLog: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func add(_ name: String) { lock.withLock { names.append(name) } }
    var all: [String] { lock.withLock { names } }
}

@Suite(.enabled(if: FaultReceiver.isPythonAvailable, "python3 is not installed: the fault receiver cannot start"))
struct DispatcherLiveTests {
    @Test func deliversASignedWebhookAfterPersistingIt() async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let dispatcher = try rig.makeDispatcher(path: "/ok")
        guard case .enqueued(let id, _, false) = try await dispatcher.submit(rig.submission()) else {
            Issue.record("expected an immediate enqueue"); return
        }
        #expect(try await rig.store.notice(id: id)?.state == .pending)
        #expect(try rig.receiver.entries().isEmpty)
        #expect(try await dispatcher.dispatchDue() == 1)
        let entries = try rig.receiver.entries()
        #expect(entries.map(\.id) == [id])
        #expect(entries.first?.signature_ok == true)
        #expect(entries.first?.body.contains("¡atención!") == true)
        let stored = try #require(try await rig.store.notice(id: id))
        #expect(stored.state == .delivered)
        #expect(try await rig.store.attempts(noticeID: id).map(\.status) == [200])
    }

    @Test(arguments: [503, 429, 500])
    func retriesReuseTheIdAndTheExactBody(status: Int) async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let dispatcher = try rig.makeDispatcher(path: "/flaky/2/\(status)")
        guard case .enqueued(let id, _, _) = try await dispatcher.submit(rig.submission()) else {
            Issue.record("expected an enqueue"); return
        }
        for _ in 0..<3 {
            try await dispatcher.dispatchDue()
            rig.clock.advance(by: 400)  // past the 2nd Svix delay (5 min)
        }
        let entries = try rig.receiver.entries()
        #expect(entries.count == 3)
        #expect(Set(entries.map(\.id)) == [id])
        #expect(Set(entries.map(\.body_sha256)).count == 1)
        #expect(entries.allSatisfy { $0.signature_ok })
        #expect(try await rig.store.notice(id: id)?.state == .delivered)
        #expect(try await rig.store.attempts(noticeID: id).map(\.status) == [status, status, 200])
    }

    @Test func retryAfterDelaysTheNextAttempt() async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let dispatcher = try rig.makeDispatcher(path: "/flaky/1/503")
        guard case .enqueued(let id, _, _) = try await dispatcher.submit(rig.submission()) else {
            Issue.record("expected an enqueue"); return
        }
        try await dispatcher.dispatchDue()
        let pending = try #require(try await rig.store.notice(id: id))
        #expect(pending.state == .pending)
        #expect(pending.dueAt == rig.clock.now.addingTimeInterval(1))
        #expect(try await dispatcher.dispatchDue() == 0)
    }

    @Test func goneFailsAndDisablesTheReceiver() async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let dispatcher = try rig.makeDispatcher(path: "/status/410")
        _ = try await dispatcher.submit(rig.submission(step: "a"))
        try await dispatcher.dispatchDue()
        _ = try await dispatcher.submit(rig.submission(step: "b"))
        try await dispatcher.dispatchDue()
        #expect(rig.disabled.all == ["hook"])
        #expect(try rig.receiver.entries().count == 1)
        #expect(try await rig.store.countByState() == [.failed: 2])
    }

    @Test func clientErrorsArePermanentAfterOneAttempt() async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let dispatcher = try rig.makeDispatcher(path: "/status/404")
        guard case .enqueued(let id, _, _) = try await dispatcher.submit(rig.submission()) else { return }
        try await dispatcher.dispatchDue()
        rig.clock.advance(by: 86_400)
        #expect(try await dispatcher.dispatchDue() == 0)
        #expect(try await rig.store.notice(id: id)?.state == .failed)
    }

    @Test(arguments: ["/slow/3", "/drip/3", "refused"])
    func timeoutsSlowBodiesAndRefusalsAreRetried(path: String) async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let refusedURL = "http://127.0.0.1:1/hook"
        let dispatcher = try rig.makeDispatcher(
            path: path, totalTimeout: .milliseconds(500), url: path == "refused" ? refusedURL : nil)
        guard case .enqueued(let id, _, _) = try await dispatcher.submit(rig.submission()) else { return }
        try await dispatcher.dispatchDue()
        let notice = try #require(try await rig.store.notice(id: id))
        #expect(notice.state == .pending)
        #expect(notice.attemptCount == 1)
        let attempt = try #require(try await rig.store.attempts(noticeID: id).first)
        #expect(attempt.status == nil)
        #expect(attempt.error?.contains(path == "refused" ? "refused" : "timed out") == true)
    }

    @Test func duplicatesAndSuppressionsNeverSend() async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let dispatcher = try rig.makeDispatcher(path: "/ok")
        guard case .enqueued(let id, _, _) = try await dispatcher.submit(rig.submission()) else { return }
        #expect(try await dispatcher.submit(rig.submission()) == .duplicate(id: id))
        let customer = rig.submission(step: "customer", customer: true)
        guard case .suppressed(_, .consent, _) = try await dispatcher.submit(customer) else {
            Issue.record("a customer without consent must be suppressed"); return
        }
        try await dispatcher.dispatchDue()
        #expect(try rig.receiver.entries().map(\.id) == [id])
        #expect(try await rig.store.countByState() == [.delivered: 1, .suppressed: 1])
    }

    @Test func cancelledNoticesAreNeverSent() async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let dispatcher = try rig.makeDispatcher(path: "/ok")
        let submission = rig.submission()
        guard case .enqueued(let id, _, _) = try await dispatcher.submit(submission) else { return }
        #expect(try await dispatcher.cancel(identity: submission.identity, reason: "occurrence called off"))
        #expect(try await dispatcher.dispatchDue() == 0)
        #expect(try await rig.store.notice(id: id)?.state == .cancelled)
        #expect(try await dispatcher.cancel(identity: submission.identity, reason: "again") == false)
        #expect(try rig.receiver.entries().isEmpty)
    }

    @Test func interruptedSendsGoOutAfterRestartUnderTheSameId() async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let first = try rig.makeDispatcher(path: "/ok")
        guard case .enqueued(let id, _, _) = try await first.submit(rig.submission()) else { return }
        // A crash right after claiming: the notice is left `sending`.
        #expect(try await rig.store.claimDue(at: rig.clock.now, limit: 10).map(\.id) == [id])
        let restarted = try rig.makeDispatcher(path: "/ok")
        let loop = Task { try await restarted.run(pollInterval: .milliseconds(50)) }
        defer { loop.cancel() }
        #expect(await eventually { try rig.receiver.entries().count == 1 })
        #expect(try rig.receiver.entries().map(\.id) == [id])
        try await dispatcherReplayKeepsIdAndBody(restarted, rig: rig, id: id)
    }

    func dispatcherReplayKeepsIdAndBody(_ dispatcher: Dispatcher, rig: LiveRig, id: String) async throws {
        #expect(await eventually { try await rig.store.notice(id: id)?.state == .delivered })
        try await dispatcher.replay(id: id)
        #expect(await eventually { try rig.receiver.entries().count == 2 })
        let entries = try rig.receiver.entries()
        #expect(entries.map(\.id) == [id, id])
        #expect(entries[0].body_sha256 == entries[1].body_sha256)
    }
}

/// Polls an async condition every 20 ms for up to 10 s; returns whether it held.
func eventually(_ condition: () async throws -> Bool) async -> Bool {
    for _ in 0..<500 {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return false
}

/// A logger that drops everything (tests never bootstrap logging).
let quietLogger = Logger(label: "forewarn.test", factory: { _ in SwiftLogNoOpLogHandler() })
