import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// forewarn's own time zone versus the one its child processes (command signals) get.
public enum ProcessEnvironment {
    /// The host's `TZ` before ``pinTimeZoneToGMT()`` (`.some(nil)`: it was unset); nil while nothing is pinned.
    /// Written once in `main` before any thread starts, read by command signals later.
    nonisolated(unsafe) static var hostTimeZone: String??

    /// Pins the process's own zone to GMT (`TZ=GMT`), keeping the host's for child processes. forewarn never reads
    /// the host's zone: plans name theirs, and everything else is UTC. But Hummingbird's `Date:` header formatter
    /// builds a Foundation `Calendar`, whose initialiser looks the process's zone up (`/etc/localtime`) in
    /// Foundation's ICU before it sets GMT: ~1 MiB of ICU code and tz data resident for the daemon's life
    /// (docs/daemon.md, "Memory"). With `TZ=GMT` Foundation answers from its built-in GMT zone, and glibc's local
    /// time is UTC too. Call it first thing, before any thread reads the environment.
    public static func pinTimeZoneToGMT() {
        if hostTimeZone == nil { hostTimeZone = .some(getenv("TZ").map { String(cString: $0) }) }
        setenv("TZ", "GMT", 1)
        tzset()
    }

    /// The environment for a child process: this process's, with the host's `TZ` back (or none, if the host set
    /// none) once the process has pinned its own; nil when nothing is pinned (pass `environ` as it is).
    static func forChild() -> [String]? {
        guard let host = hostTimeZone else { return nil }
        var result: [String] = []
        var entry = environ
        while let text = entry.pointee {
            let variable = String(cString: text)
            if !variable.hasPrefix("TZ=") { result.append(variable) }
            entry += 1
        }
        if let host { result.append("TZ=" + host) }
        return result
    }
}
