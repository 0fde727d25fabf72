import ArgumentParser
import CivilDay
import Foundation
import Store

/// `forewarn prune`: what the daemon does hourly, once, now (e.g. before a backup, or with the daemon stopped).
struct PruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete finished notices, closed occurrences and contact records older than the retention.",
        discussion: """
            Unfinished notices (pending, deferred, sending) and open occurrences are never deleted. A running \
            `forewarn run` does the same every hour with its own --retention.
            """)

    @Option(help: "Keep what is younger than this (at least 60d; default 180d).", transform: Retention.parse)
    var retention: Retention = .standard

    @OptionGroup var outbox: OutboxOption

    func run() async throws {
        guard let seconds = retention.seconds else {
            throw ValidationError("--retention off keeps everything: there is nothing to prune")
        }
        let opened = try await outbox.open()
        defer { opened.close() }
        let cutoff = Date().addingTimeInterval(-seconds)
        let counts = try await opened.store.prune(before: cutoff)
        print("pruned \(counts) from before \(CivilDay.iso8601(cutoff))")
    }
}
