import Foundation
import Plans

/// Loads a plan directory: the executable injects the same loader `forewarn check` uses.
public typealias PlanSetLoader = @Sendable (_ directory: String) -> LoadResult

/// The live plan set: loaded at start, rebuilt aside on reload and swapped only when the new one is good.
public actor PlanRegistry {
    /// The plans in force.
    public private(set) var current: PlanSet
    /// The directory plans are read from.
    public nonisolated let directory: String
    private let loader: PlanSetLoader
    private var subscribers: [UUID: AsyncStream<PlanSet>.Continuation] = [:]

    /// Creates a registry holding `initial`, read from `directory` with `loader`.
    public init(initial: PlanSet, directory: String, loader: @escaping PlanSetLoader) {
        self.current = initial
        self.directory = directory
        self.loader = loader
    }

    /// Rebuilds the plans from disk; swaps them in only when they load without errors.
    public func reload(at now: Date) -> ReloadOutcome {
        let result = loader(directory)
        let outcome = ReloadOutcome(result: result, at: now)
        if let fresh = result.planSet {
            current = fresh
            for continuation in subscribers.values { continuation.yield(fresh) }
        }
        return outcome
    }

    /// A stream of every plan set swapped in after this call (for services that rebuild on reload).
    public func updates() -> AsyncStream<PlanSet> {
        let (stream, continuation) = AsyncStream.makeStream(of: PlanSet.self, bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: UUID) { subscribers[id] = nil }
}

extension PlanRegistry {
    /// Ends every update stream (graceful shutdown).
    public func finishUpdates() {
        for continuation in subscribers.values { continuation.finish() }
    }
}
