import Foundation
import Prometheus

/// The daemon's own Prometheus metrics, in one registry that `/metrics` renders.
public struct DaemonMetrics: Sendable {
    /// The registry (swift-metrics is bootstrapped onto it by `forewarn run`).
    public let registry: PrometheusCollectorRegistry
    /// 1 when the last reload succeeded, else 0.
    public let lastReloadSuccessful: Gauge
    /// Unix time of the last successful load or reload.
    public let lastReloadSuccessTimestamp: Gauge
    /// Plans in force.
    public let plansLoaded: Gauge

    /// Registers the metrics in `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        func gauge(_ name: String, unit: String, _ help: String) -> Gauge {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "forewarn", metricName: name, unitName: unit, helpText: help))
        }
        lastReloadSuccessful = gauge(
            "config_last_reload_successful", unit: "", "Whether the last configuration reload succeeded.")
        lastReloadSuccessTimestamp = gauge(
            "config_last_reload_success_timestamp", unit: "seconds", "Unix time of the last successful (re)load.")
        plansLoaded = gauge("plans_loaded", unit: "", "Plans in force.")
    }

    /// Records a load or reload.
    public func record(_ outcome: ReloadOutcome) {
        lastReloadSuccessful.set(outcome.succeeded ? 1.0 : 0.0)
        if outcome.succeeded {
            lastReloadSuccessTimestamp.set(outcome.at.timeIntervalSince1970)
            plansLoaded.set(Double(outcome.planCount ?? 0))
        }
    }

    /// Sets `forewarn_leader{instance="…"}`: 1 while this instance evaluates the plans, else 0.
    public func recordLeadership(instance: String, leads: Bool) {
        registry.makeGauge(
            name: "forewarn_leader", labels: [("instance", instance)],
            help: "1 while this instance holds the leader lease and evaluates the plans, else 0."
        ).set(leads ? 1.0 : 0.0)
    }

    /// The exposition text.
    public func render() -> [UInt8] { registry.emitToBuffer() }
}
