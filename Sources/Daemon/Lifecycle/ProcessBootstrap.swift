import CoreMetrics
import Foundation
import Logging
import Prometheus

/// Process-wide setup `forewarn run` does once: the log handler and the swift-metrics backend.
public enum ProcessBootstrap {
    /// Sends swift-log to the journal when stderr is the journal stream, else to readable stderr lines.
    public static func logging(level: Logger.Level = .info) -> LogDestination {
        let destination = LogDestination.detect()
        LoggingSystem.bootstrap { label in
            switch destination {
            case .journal:
                var handler = JournalLogHandler(label: label)
                handler.logLevel = level
                return handler
            case .standardError:
                var handler = ReadableLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        }
        return destination
    }

    /// A fresh registry that swift-metrics (used by the other targets) now reports into; `/metrics` renders it.
    public static func metricsRegistry() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }

    /// Ignores SIGHUP until the reload service takes it over, so an early `systemctl reload` cannot kill us.
    public static func holdReloadSignal() { signal(SIGHUP, SIG_IGN) }
}
