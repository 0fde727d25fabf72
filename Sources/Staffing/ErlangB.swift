/// Erlang B: the blocking probability of a loss system (M/M/N/N) with `servers` lines and `traffic` Erlangs.
///
/// Computed with the recursion `B(0) = 1`, `B(k) = A·B(k−1) / (k + A·B(k−1))`, which never overflows and
/// stays in [0, 1] for any number of servers (it only underflows to 0 when blocking is below ~1e-308).
public enum ErlangB {
    /// The probability that a contact finds all `servers` busy, for `traffic` Erlangs offered.
    ///
    /// No servers (or fewer) block everything; a traffic that is negative, infinite or NaN gives NaN.
    public static func blockingProbability(servers: Int, traffic: Double) -> Double {
        guard traffic.isFinite, traffic >= 0 else { return .nan }
        var blocking = 1.0
        for server in stride(from: 1, through: servers, by: 1) {
            blocking = step(blocking, to: server, traffic: traffic)
        }
        return blocking
    }

    /// One step of the recursion: from the blocking with `server − 1` servers to the blocking with `server`.
    @inline(__always)
    static func step(_ blocking: Double, to server: Int, traffic: Double) -> Double {
        let carried = traffic * blocking
        return carried / (Double(server) + carried)
    }
}
