import ArgumentParser
import Foundation
import PostgresStore
import Store

/// `--state` and `--store` of the commands that send one notice through the outbox.
struct OutboxOption: ParsableArguments {
    @Option(help: "The state directory holding the outbox (default: $STATE_DIRECTORY, else ./.forewarn).")
    var state: String?

    @Option(
        help: """
            The shared outbox as postgres://USER@HOST:PORT/DB (password as for `run --store`). Default: SQLite in the \
            state directory.
            """)
    var store: String?

    /// Opens the outbox these options name.
    func open() async throws -> CommandOutbox { try await CommandOutbox.open(store, state: state) }
}

/// The outbox a delivery command works on: the state directory's SQLite file, or with `--store postgres://…`
/// the database shared by running instances. Either way a running daemon may send the command's notice before
/// the command does, and the command must never take the daemon's notices.
struct CommandOutbox {
    /// The store.
    let store: any ForewarnStore & SingleNoticeClaiming
    /// The shared PostgreSQL store, when `--store` named one.
    let shared: PostgresStore?

    /// Opens `--store` (nil: SQLite in `state`); refuses a SQLite path as `run` does.
    static func open(_ option: String?, state: String?) async throws -> CommandOutbox {
        let choice: StoreChoice
        do { choice = try StoreChoice(option: option) } catch { throw ValidationError("--store: \(error)") }
        switch choice {
        case .sqlite(nil):
            return CommandOutbox(store: try SQLiteStore(path: try ReceiverSetup.storePath(state: state)), shared: nil)
        case .sqlite(let path?):
            throw ValidationError(
                "--store '\(path)' is not a postgres:// URL; SQLite lives in the state directory (--state)")
        case .postgres(let location):
            let host = ProcessInfo.processInfo.hostName
            let shared = try await PostgresStore.connect(
                to: location, password: try PostgresLocation.password(),
                instanceID: "cli-\(host)-\(ProcessInfo.processInfo.processIdentifier)")
            return CommandOutbox(store: shared, shared: shared)
        }
    }

    /// The store a command's dispatcher claims from: only the notice with `identity`.
    func claiming(only identity: NoticeIdentity) -> any NoticeStore {
        SingleNoticeStore(base: store, identity: identity)
    }

    /// The notice once it left `sending` and is no longer due; a running daemon (or another instance) may be
    /// sending it, so this waits for its result (at most `limit`).
    func settled(id: String, limit: Duration = .seconds(90)) async throws -> NoticeRecord? {
        var notice = try await store.notice(id: id)
        let deadline = ContinuousClock.now + limit
        while let current = notice,
            current.state == .sending || (current.state.isUnfinished && current.dueAt <= Date()),
            ContinuousClock.now < deadline
        {
            try await Task.sleep(for: .milliseconds(250))
            notice = try await store.notice(id: id)
        }
        return notice
    }

    /// Stops the shared store's connections.
    func close() { shared?.close() }
}
