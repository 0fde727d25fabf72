import Foundation
import HTTPTransport
import Store
import Testing

@testable import Delivery

/// Two receivers on the fault receiver: `hook` (a failing path) falling back to `backup` (`/ok`).
extension LiveRig {
    func makePair(
        hookPath: String, fallback: Bool = true, retry: RetrySchedule = .svix,
        ownerAlerts: @escaping @Sendable (DisabledReceiver) -> [NoticeSubmission] = { _ in [] }
    ) throws -> Dispatcher {
        let hook = ReceiverConfig(
            name: "hook", kind: .webhook(WebhookReceiver(url: receiver.baseURL + hookPath, secretNames: ["S"])),
            retry: retry, fallback: fallback ? "backup" : nil)
        let backup = ReceiverConfig(
            name: "backup", kind: .webhook(WebhookReceiver(url: receiver.baseURL + "/ok", secretNames: ["S"])))
        let clock = self.clock
        let disabled = self.disabled
        return try Dispatcher(
            store: store, recipients: store, transport: transport, receivers: [hook, backup],
            secrets: SecretResolver(credentialsDirectory: nil, environment: ["S": Self.secret]),
            now: { clock.now }, randomUnit: { 0.5 }, logger: quietLogger,
            options: DispatcherOptions(ownerAlerts: ownerAlerts),
            onReceiverDisabled: { name, _ in disabled.add(name) })
    }
}

@Suite(.enabled(if: FaultReceiver.isPythonAvailable, "python3 is not installed: the fault receiver cannot start"))
struct FallbackAndGoneTests {
    @Test(arguments: ["/status/404", "/status/410"])
    func aNoticeThatFailsPermanentlyGoesOnceToTheFallbackUnderItsOwnIdentity(path: String) async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let dispatcher = try rig.makePair(hookPath: path)
        let submission = rig.submission(step: "before-2h")
        guard case .enqueued(let id, _, _) = try await dispatcher.submit(submission) else {
            Issue.record("expected an enqueue"); return
        }
        #expect(try await dispatcher.dispatchDue() == 1)
        #expect(try await dispatcher.dispatchDue() == 1)  // the fallback notice
        #expect(try await dispatcher.dispatchDue() == 0)
        let entries = try rig.receiver.entries()
        #expect(entries.map(\.path) == [path, "/ok"])
        #expect(entries.allSatisfy { $0.signature_ok })
        let fallbackID = try #require(entries.last?.id)
        #expect(fallbackID != id)
        #expect(entries.last?.body.contains("¡atención!") == true)
        #expect(try await rig.store.notice(id: id)?.state == .failed)
        var identity = submission.identity
        identity.step = "before-2h#fallback"
        let fallback = try #require(try await rig.store.notice(identity: identity))
        #expect(fallback.id == fallbackID)
        #expect(fallback.receiver == "backup")
        #expect(fallback.state == .delivered)
        #expect(try await rig.store.attempts(noticeID: fallbackID).count == 1)
        #expect(try await rig.store.notice(id: fallbackID)?.reason == "accepted")
    }

    @Test func aDeadLetterFallsBackAndTheReasonNamesTheOriginal() async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let dispatcher = try rig.makePair(hookPath: "/status/500", retry: RetrySchedule(delays: []))
        guard case .enqueued(let id, _, _) = try await dispatcher.submit(rig.submission()) else { return }
        // Hold the fallback back: only the first dispatch runs, so its stored reason is still the hand-over.
        #expect(try await dispatcher.dispatchDue(limit: 1) == 1)
        #expect(try await rig.store.notice(id: id)?.state == .dead)
        let pending = try await rig.store.notices(state: .pending)
        #expect(pending.count == 1)
        #expect(pending.first?.reason.contains("fallback for \(id) after hook") == true)
        #expect(pending.first?.receiver == "backup")
        #expect(try await dispatcher.dispatchDue() == 1)
        #expect(try await rig.store.countByState() == [.dead: 1, .delivered: 1])
    }

    @Test func goneStaysDisabledAfterARestartAlertsTheOwnerOnceAndCanBeEnabled() async throws {
        let rig = try LiveRig()
        defer { rig.stop() }
        let alerts: @Sendable (DisabledReceiver) -> [NoticeSubmission] = { disabled in
            [
                NoticeSubmission(
                    identity: NoticeIdentity(
                        occurrence: "receiver:\(disabled.name)", action: "disabled", step: "1", recipient: "owner"),
                    receiver: "backup",
                    candidate: PolicyCandidate(
                        recipient: "owner", address: "owner", channel: "webhook", audience: "owner", timeZone: .utc,
                        isCustomer: false, isUrgent: true),
                    settings: PolicySettings(frequencyCap: nil, quietHours: nil), type: "forewarn.receiver-disabled",
                    text: "receiver \(disabled.name) disabled: \(disabled.reason)")
            ]
        }
        let first = try rig.makePair(hookPath: "/status/410", fallback: false, ownerAlerts: alerts)
        _ = try await first.submit(rig.submission(step: "a"))
        _ = try await first.submit(rig.submission(step: "b"))
        #expect(try await first.dispatchDue(limit: 2) == 2)
        #expect(rig.disabled.all == ["hook"], "the owner is alerted once even when two notices meet the 410")
        #expect(try await rig.store.disabledReceivers().map(\.name) == ["hook"])
        #expect(try await first.dispatchDue() == 1)  // the owner alert, through `backup`
        let alert = try #require(try rig.receiver.entries().last)
        #expect(alert.path == "/ok")
        #expect(alert.body.contains("forewarn.receiver-disabled"))
        #expect(alert.body.contains("receiver hook disabled"))

        // A restart reads the disabled receiver from the store: nothing more reaches the 410 endpoint.
        let restarted = try rig.makePair(hookPath: "/status/410", fallback: false, ownerAlerts: alerts)
        guard case .enqueued(let id, _, _) = try await restarted.submit(rig.submission(step: "c")) else { return }
        #expect(try await restarted.dispatchDue() == 1)
        #expect(try await rig.store.notice(id: id)?.reason.hasPrefix("receiver disabled") == true)
        let goneRequests = { try rig.receiver.entries().filter { $0.path == "/status/410" }.count }
        #expect(try goneRequests() <= 2)
        let before = try goneRequests()

        #expect(try await restarted.enableReceiver(name: "hook"))
        #expect(try await rig.store.disabledReceivers().isEmpty)
        _ = try await restarted.submit(rig.submission(step: "d"))
        #expect(try await restarted.dispatchDue() == 1)
        #expect(try goneRequests() == before + 1, "an enabled receiver is tried again")
    }
}
