import ArgumentParser
import CivilDay
import Foundation
import Store

/// `forewarn notices [--filter STATE]`: the newest stored notices with their state and delivery report, from the
/// state directory's outbox or, with `--store postgres://…`, the outbox shared by several instances.
struct NoticesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the newest stored notices with state, reason and delivery report.")

    @Option(help: "Only notices in this state (pending, deferred, sending, delivered, failed, dead, …).")
    var filter: String?

    @Option(help: "How many notices at most.")
    var limit: Int = 50

    @OptionGroup var outbox: OutboxOption

    func run() async throws {
        let only = try filter.map { name in
            guard let state = NoticeState(rawValue: name) else {
                throw ValidationError(
                    "--filter: unknown state '\(name)'; use one of "
                        + NoticeState.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return state
        }
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit must be in 1...100000") }
        let opened = try await outbox.open()
        defer { opened.close() }
        for notice in try await opened.store.notices(state: only, limit: limit) {
            let report = notice.deliveryReport.map { "\($0.outcome.rawValue) \(CivilDay.iso8601($0.at))" } ?? "-"
            print(
                [
                    notice.id, CivilDay.iso8601(notice.createdAt), notice.receiver, notice.state.rawValue,
                    "report: \(report)", notice.reason,
                ].joined(separator: "\t"))
        }
    }
}
