import CoreMetrics
import Foundation
import Logging
import Prometheus
import Signals

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

    /// Caps glibc's malloc at `arenas` heaps. By default every thread that allocates (NIO event loops, the
    /// cooperative pool, Dispatch, libcurl) may get its own arena, up to 8 per core, each keeping the pages it
    /// touched; the idle daemon allocates little, and one arena (threads keep their own tcache) saves ~1.7 MiB
    /// of resident memory (docs/daemon.md, "Memory"). Call it first thing, before the threads allocate.
    public static func limitMallocArenas(to arenas: Int32 = 1) {
        #if os(Linux)
            // <malloc.h> is not part of Swift's Glibc module: mallopt is looked up; M_ARENA_MAX is -8 there.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let mallopt = dlsym(nil, "mallopt") else { return }
            _ = unsafeBitCast(mallopt, to: Mallopt.self)(-8, arenas)
        #endif
    }

    /// Pins the process's own time zone to GMT, keeping the host's for child processes
    /// (`ProcessEnvironment.pinTimeZoneToGMT`, which says why). Call it first thing, before any thread starts.
    public static func pinProcessTimeZone() { ProcessEnvironment.pinTimeZoneToGMT() }

    /// Ignores SIGHUP until the reload service takes it over, so an early `systemctl reload` cannot kill us.
    public static func holdReloadSignal() { signal(SIGHUP, SIG_IGN) }
}
