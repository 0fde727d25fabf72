import ArgumentParser
import Foundation
import Logging
import Plans
import ServiceLifecycle
import Store

/// How long finished notices, closed occurrences and contact records are kept (`--retention`, default 180 days).
struct Retention: Sendable, Equatable {
    /// Kept at least this long: the engine reloads closed occurrences of the last 60 days and frequency caps count
    /// contacts over days, so a shorter retention could let a notice be issued twice.
    static let minimum: TimeInterval = 60 * 86_400
    /// nil: keep everything (`--retention off`).
    let seconds: TimeInterval?

    /// The default, 180 days.
    static let standard = Retention(seconds: 180 * 86_400)

    /// Parses `180d`, `26w` or `off`, saying what is wrong otherwise.
    static func parse(_ text: String) throws -> Retention {
        if text == "off" { return Retention(seconds: nil) }
        let duration: PlanDuration
        do { duration = try PlanDuration.parse(text) } catch {
            throw ValidationError("\(error.message); or 'off' to keep everything")
        }
        guard duration.seconds >= minimum else {
            throw ValidationError(
                "shorter than 60d: the engine keeps closed occurrences for 60 days and a "
                    + "shorter retention could let a notice go out twice")
        }
        return Retention(seconds: duration.seconds)
    }
}

/// Prunes the store once an hour (the first pass a minute after start), logging what it removed.
struct RetentionService: Service {
    /// The store.
    let store: any StorePruning
    /// How long rows are kept.
    let retention: TimeInterval
    /// The logger.
    let logger: Logger
    /// Between passes.
    var interval: Duration = .seconds(3600)
    /// Before the first pass (start-up stays quick).
    var delay: Duration = .seconds(60)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            try? await Task.sleep(for: delay)
            while !Task.isCancelled {
                await prune(at: Date())
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One pass at `now`: what it removed, or nil (logged) when the store refused.
    @discardableResult
    func prune(at now: Date) async -> PruneCounts? {
        do {
            let counts = try await store.prune(before: now.addingTimeInterval(-retention))
            if !counts.isEmpty {
                logger.info(
                    "Pruned the store", metadata: ["removed": "\(counts)", "retention_days": "\(retention / 86_400)"])
            }
            return counts
        } catch {
            logger.error("Cannot prune the store (tried again in an hour): \(error)")
            return nil
        }
    }
}
