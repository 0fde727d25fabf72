import CoreMetrics
import Foundation
import Store

/// The delivery metrics, reported through swift-metrics (`forewarn run` bootstraps swift-prometheus).
///
/// - `forewarn_delivery_notices_total{outcome}`: notices by outcome (enqueued, deferred, suppressed, duplicate,
///   delivered, failed, dead, fallback).
/// - `forewarn_delivery_attempts_total{receiver, status_class}`: attempts by receiver and `2xx`, `4xx`, `5xx`,
///   `3xx` or `transport`.
/// - `forewarn_delivery_enqueue_to_2xx_seconds`: from storing a notice to its receiver's 2xx.
/// - `forewarn_delivery_reports_total{outcome}`: gateway delivery reports (delivered, failed, …).
/// - `forewarn_delivery_queue_depth{state}`: unfinished notices (pending, deferred, sending).
public struct DeliveryMetrics: Sendable {
    /// The metric names, for tests and dashboards.
    public enum Name {
        /// Notices by outcome.
        public static let notices = "forewarn_delivery_notices_total"
        /// Attempts by receiver and status class.
        public static let attempts = "forewarn_delivery_attempts_total"
        /// Enqueue-to-2xx latency.
        public static let enqueueToSuccess = "forewarn_delivery_enqueue_to_2xx_seconds"
        /// Delivery reports by outcome.
        public static let reports = "forewarn_delivery_reports_total"
        /// Unfinished notices by state.
        public static let queueDepth = "forewarn_delivery_queue_depth"
    }

    private let chosenFactory: (any MetricsFactory)?

    /// Reports to `factory`; nil (the default) means the process-wide `MetricsSystem` backend, looked up at each
    /// use so a dispatcher made before `MetricsSystem.bootstrap` still reports to the bootstrapped backend.
    public init(factory: (any MetricsFactory)? = nil) {
        chosenFactory = factory
    }

    private var factory: any MetricsFactory { chosenFactory ?? MetricsSystem.factory }

    /// Counts a notice reaching `outcome`.
    func count(outcome: String) {
        Counter(label: Name.notices, dimensions: [("outcome", outcome)], factory: factory).increment()
    }

    /// Counts one attempt with its HTTP status (nil: no response).
    func countAttempt(receiver: String, status: Int?) {
        Counter(
            label: Name.attempts, dimensions: [("receiver", receiver), ("status_class", Self.statusClass(status))],
            factory: factory
        ).increment()
    }

    /// Records the time from storing a notice to its receiver's 2xx.
    func recordDelivered(createdAt: Date, at end: Date) {
        let seconds = max(0, end.timeIntervalSince(createdAt))
        CoreMetrics.Timer(label: Name.enqueueToSuccess, factory: factory).recordNanoseconds(Int64(seconds * 1e9))
    }

    /// Counts a gateway's delivery report by outcome (`forewarn_delivery_reports_total{outcome}`).
    func countReport(_ outcome: DeliveryReport.Outcome) {
        Counter(label: Name.reports, dimensions: [("outcome", outcome.rawValue)], factory: factory).increment()
    }

    /// Sets the queue depth from the store's counts.
    func recordQueue(_ counts: [NoticeState: Int]) {
        for state in [NoticeState.pending, .deferred, .sending] {
            Gauge(label: Name.queueDepth, dimensions: [("state", state.rawValue)], factory: factory)
                .record(counts[state] ?? 0)
        }
    }

    /// `2xx`, `3xx`, `4xx`, `5xx`, or `transport` when no response came.
    static func statusClass(_ status: Int?) -> String {
        guard let status, (100..<600).contains(status) else { return "transport" }
        return "\(status / 100)xx"
    }
}
