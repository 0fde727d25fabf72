import ArgumentParser
import CivilDay
import Foundation
import Store

/// `forewarn receivers enable NAME`: lifts the disabling a 410 Gone left in the store.
struct ReceiversEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Re-enable a receiver that answered 410 Gone.",
        discussion: """
            A receiver that answers 410 is disabled in the state directory's store and stays disabled across \
            restarts (with `--store postgres://…`, in the database every instance shares). A running daemon reads the \
            store again within 5 seconds; notices that failed meanwhile are \
            not resent (see `forewarn notices --filter failed` and `forewarn notices replay ID`).
            """)

    @Argument(help: "The receiver's name.")
    var name: String

    @OptionGroup var outbox: OutboxOption

    func run() async throws {
        let opened = try await outbox.open()
        defer { opened.close() }
        let store = opened.store
        guard try await store.enableReceiver(name: name) else {
            let disabled = try await store.disabledReceivers().map(\.name)
            throw ValidationError(
                "receiver '\(name)' is not disabled"
                    + (disabled.isEmpty ? "" : " (disabled: \(disabled.joined(separator: ", ")))"))
        }
        print("receiver \(name): enabled")
    }
}

/// `forewarn receivers disabled`: lists receivers disabled by a 410 Gone.
struct ReceiversDisabledCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disabled", abstract: "List receivers disabled after a 410 Gone.")

    @OptionGroup var outbox: OutboxOption

    func run() async throws {
        let opened = try await outbox.open()
        defer { opened.close() }
        for receiver in try await opened.store.disabledReceivers() {
            print("\(receiver.name)\t\(CivilDay.iso8601(receiver.since))\t\(receiver.reason)")
        }
    }
}
