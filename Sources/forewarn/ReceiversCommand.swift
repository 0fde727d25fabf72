import ArgumentParser
import Delivery
import Foundation
import HTTPTransport
import Plans
import Store
import Zones

/// `forewarn receivers`: check delivery endpoints before the day they matter.
struct ReceiversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receivers", abstract: "Work with receivers.",
        subcommands: [ReceiversTestCommand.self, ReceiversEnableCommand.self, ReceiversDisabledCommand.self])
}

/// `forewarn receivers test NAME --to ADDRESS --text TEXT`: one real message through policies, outbox and dispatcher.
struct ReceiversTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send one real message through the whole delivery path and print what the receiver answered.",
        discussion: """
            The message goes through the policy stages (an opted-out number is refused), is stored in the outbox of \
            the state directory and is dispatched once. Exit status: 0 delivered, 1 not delivered, 2 usage.
            """)

    @Argument(help: "The receiver's name in the plan directory.")
    var name: String

    @Option(help: "The address: an E.164 number for SMS receivers, anything for webhooks.")
    var to: String

    @Option(help: "The text to send.")
    var text: String

    @OptionGroup var plans: PlanDirectoryOption

    @OptionGroup var outboxOption: OutboxOption

    func run() async throws {
        let definitions = try ReceiverSetup.load(plans: plans.resolved)
        guard let definition = definitions[name] else {
            let known = definitions.keys.sorted().joined(separator: ", ")
            throw ValidationError("no receiver '\(name)' in \(plans.resolved) (known: \(known))")
        }
        let config = try ReceiverConfig(plan: definition).withoutFallback  // a test checks this receiver alone
        let channel = config.kind.channel
        if channel == "sms" {
            do { _ = try PhoneNumber.parse(to) } catch { throw ValidationError("--to: \(error.message)") }
            let analysis = SMSAnalysis(text: text)
            print("text:     \(analysis.encoding == .gsm7 ? "GSM-7" : "UCS-2"), \(analysis.segments) segment(s)")
        }
        let outbox = try await outboxOption.open()
        defer { outbox.close() }
        let identity = NoticeIdentity(
            occurrence: "receiver-test-\(UUID().uuidString)", action: "test", step: "now", recipient: to)
        let dispatcher = try Dispatcher(
            store: outbox.claiming(only: identity), recipients: outbox.store, transport: HTTPTransport(),
            receivers: [config])
        let submission = NoticeSubmission(
            identity: identity, receiver: name,
            candidate: PolicyCandidate(
                recipient: "operator:\(to)", address: to, channel: channel, audience: "operator-test",
                timeZone: Zone.utc, isCustomer: false, isUrgent: true),
            settings: PolicySettings(frequencyCap: nil, quietHours: nil), type: "forewarn.receiver-test", text: text)
        let result = try await dispatcher.submit(submission)
        print("policy:   \(result)")
        guard case .enqueued(let id, _, _) = result else { throw ExitCode(1) }
        _ = try await dispatcher.dispatchDue(limit: 1)
        let notice = try await outbox.settled(id: id)
        for attempt in try await outbox.store.attempts(noticeID: id) {
            let status = attempt.status.map(String.init) ?? "no response"
            let latency = String(format: "%.0f ms", attempt.latency * 1_000)
            print("attempt:  \(status) in \(latency)\(attempt.error.map { " — \($0)" } ?? "")")
        }
        print(
            "notice:   \(id) \(notice?.state.rawValue ?? "unknown")\(notice.map { $0.reason.isEmpty ? "" : ": \($0.reason)" } ?? "")"
        )
        if notice?.state != .delivered { throw ExitCode(1) }
    }
}

/// `forewarn notices replay ID`: resend a notice with the same id and body bytes.
struct NoticesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices", abstract: "Work with stored notices.",
        subcommands: [NoticesListCommand.self, NoticesReplayCommand.self], defaultSubcommand: NoticesListCommand.self)
}

/// Puts a stored notice back in the outbox and dispatches it once, keeping its webhook-id and exact body.
struct NoticesReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Resend a stored notice with the same id and body.")

    @Argument(help: "The notice id (see the store or the API).")
    var id: String

    @OptionGroup var plans: PlanDirectoryOption

    @OptionGroup var outboxOption: OutboxOption

    func run() async throws {
        let outbox = try await outboxOption.open()
        defer { outbox.close() }
        guard let notice = try await outbox.store.notice(id: id) else {
            throw ValidationError("no notice '\(id)' in the store")
        }
        let definitions = try ReceiverSetup.load(plans: plans.resolved)
        guard let definition = definitions[notice.receiver] else {
            throw ValidationError(
                "notice '\(id)' went through receiver '\(notice.receiver)', which the plans no longer define")
        }
        let dispatcher = try Dispatcher(
            store: outbox.claiming(only: notice.identity), recipients: outbox.store, transport: HTTPTransport(),
            receivers: [try ReceiverConfig(plan: definition).withoutFallback])
        try await dispatcher.replay(id: id)
        _ = try await dispatcher.dispatchDue(limit: 1)
        let after = try await outbox.settled(id: id)
        print("notice \(id): \(after?.state.rawValue ?? "unknown") \(after?.reason ?? "")")
        if after?.state != .delivered { throw ExitCode(1) }
    }
}

/// Shared set-up of the delivery commands.
enum ReceiverSetup {
    /// Loads the plans (as `check` does) and returns their receivers, or fails with the errors.
    static func load(plans: String) throws -> [String: ReceiverDefinition] {
        let result = PlanLoading.makeLoader().load(directory: plans)
        guard let set = result.planSet else {
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            }
            throw ValidationError("the plans in '\(plans)' have errors (forewarn check --plans \(plans))")
        }
        return set.receivers
    }

    /// The outbox database in the state directory, created if missing.
    static func storePath(state: String?) throws -> String {
        let directory = state ?? ProcessInfo.processInfo.environment["STATE_DIRECTORY"] ?? ".forewarn"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return (directory as NSString).appendingPathComponent("forewarn.sqlite")
    }
}

extension ReceiverConfig {
    /// The receiver on its own: a command that builds a dispatcher for one receiver has no fallback to hand to.
    var withoutFallback: ReceiverConfig {
        var copy = self
        copy.fallback = nil
        return copy
    }
}
