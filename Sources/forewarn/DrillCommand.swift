import ArgumentParser
import Delivery
import Engine
import Foundation
import HTTPTransport
import Plans
import Store
import Zones

/// `forewarn drill PLAN --receiver NAME`: one occurrence's notices, marked as a drill, sent to a test receiver.
struct DrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Send one occurrence's notices, marked as a drill, to a test receiver and print its answers.",
        discussion: """
            Builds one occurrence of PLAN as if foreseen now and renders every notice its steps would send, each \
            text prefixed per locale ([SIMULACRO] in es, [DRILL] otherwise) and each webhook's data marked \
            drill=true. All of them go to the test receiver NAME instead of the real recipients, through the \
            policy stages, the outbox of the state directory and the dispatcher (one attempt each; what fails is \
            cancelled, not retried). Exit status: \
            0 all delivered, 1 not all delivered, 2 usage.
            """)

    @Argument(help: "The plan's id.")
    var plan: String

    @Option(help: "The test receiver every drill notice goes to (default: the plan's `drill: { via: NAME }`).")
    var receiver: String?

    @Option(help: "The address on the test receiver: required for SMS receivers (an E.164 number).")
    var to: String?

    @OptionGroup var plans: PlanDirectoryOption

    @Option(help: "The state directory holding the outbox (default: $STATE_DIRECTORY, else ./.forewarn).")
    var state: String?

    func run() async throws {
        let planSet = try Self.load(plans.resolved)
        guard let chosen = planSet.plans.first(where: { $0.id == plan }) else {
            let known = planSet.plans.map(\.id).sorted().joined(separator: ", ")
            throw ValidationError("no plan '\(plan)' in \(plans.resolved) (plans: \(known))")
        }
        let known = planSet.receivers.keys.sorted().joined(separator: ", ")
        // --receiver, else the plan's own `drill: { via: NAME }`.
        guard let receiver = receiver ?? chosen.drill.map(\.receiver).flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw ValidationError(
                "plan '\(plan)' names no drill receiver (drill: { via: NAME }): choose the test receiver with "
                    + "--receiver NAME (receivers: \(known))")
        }
        guard let definition = planSet.receivers[receiver] else {
            throw ValidationError(
                "--receiver '\(receiver)': no such receiver in \(plans.resolved) (receivers: \(known))")
        }
        let config = try ReceiverConfig(plan: definition)
        let channel = config.kind.channel
        let address = try testAddress(receiver: receiver, channel: channel)
        let now = Date()
        let drillID = Self.makeDrillID(now: now)
        var engine = try Engine(planSet: planSet, store: InMemoryOccurrenceStore())
        guard let drill = engine.drill(plan: plan, now: now, drillID: drillID) else { throw ExitCode.failure }
        print("drill \(drillID) of plan '\(plan)' → receiver '\(receiver)' (\(drill.notices.count) notices)")
        print("occurrence \(drill.occurrence.id)")
        let store = try SQLiteStore(path: try ReceiverSetup.storePath(state: state))
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let dispatcher = try Dispatcher(store: store, recipients: store, transport: transport, receivers: [config])
        var submitted: [(NoticeRequest, SubmissionResult)] = []
        for notice in drill.notices {
            let submission = NoticeSubmission(drill: notice, receiver: receiver, address: address, channel: channel)
            submitted.append((notice, try await dispatcher.submit(submission)))
        }
        while try await dispatcher.dispatchDue(limit: 64) > 0 {}
        for notice in drill.notices {  // a drill is one attempt: what failed is not retried later by `run`
            let identity = NoticeSubmission(drill: notice, receiver: receiver, address: address, channel: channel)
                .identity
            try await dispatcher.cancel(identity: identity, reason: "drill: one attempt only, not retried")
        }
        var delivered = 0
        for (notice, result) in submitted {
            let line = try await DrillAnswer.describe(notice: notice, result: result, store: store)
            if line.isDelivered { delivered += 1 }
            print(line.text)
        }
        print("\(delivered) of \(submitted.count) drill notices delivered")
        if delivered != submitted.count { throw ExitCode.failure }
    }

    /// Where on the test receiver the notices go: `--to`, else the receiver itself (webhooks).
    private func testAddress(receiver: String, channel: String) throws -> String {
        if channel == "sms" {
            guard let to else {
                throw ValidationError(
                    "receiver '\(receiver)' is an SMS receiver: give the test phone with --to")
            }
            do { _ = try PhoneNumber.parse(to) } catch { throw ValidationError("--to: \(error.message)") }
            return to
        }
        return to ?? receiver
    }

    /// A drill's id: the UTC instant and a random part, so every drill is new and sorts by time.
    static func makeDrillID(now: Date) -> String {
        let stamp = EngineFormat.iso(now).filter { $0.isNumber }.prefix(14)
        return "\(stamp)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Loads the plans as `check` does, or fails with their errors.
    static func load(_ directory: String) throws -> PlanSet {
        let result = PlanLoading.makeLoader().load(directory: directory)
        guard let set = result.planSet, !result.diagnostics.contains(where: { $0.severity == .error }) else {
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            }
            throw ValidationError("the plans in '\(directory)' have errors (forewarn check --plans \(directory))")
        }
        return set
    }
}

extension NoticeSubmission {
    /// A drill notice addressed to the test receiver: the operator's endpoint, not the real recipient, so the
    /// recipient's consent, frequency cap and quiet hours do not apply (the test address's suppression does).
    init(drill notice: NoticeRequest, receiver: String, address: String, channel: String) {
        self.init(
            identity: NoticeIdentity(
                occurrence: notice.key.occurrence, action: String(notice.key.action), step: notice.key.step,
                recipient: notice.key.recipient),
            receiver: receiver,
            candidate: PolicyCandidate(
                recipient: "drill:\(notice.key.recipient)", address: address, channel: channel, audience: "drill",
                timeZone: .utc, isCustomer: false, isUrgent: true),
            settings: PolicySettings(frequencyCap: nil, quietHours: nil), type: notice.eventType, text: notice.text,
            data: notice.data)
    }
}
