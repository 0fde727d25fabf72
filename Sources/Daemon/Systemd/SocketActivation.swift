import CSystemd

/// Socket activation (`LISTEN_FDS`): detected, not yet served (Hummingbird 2.28 binds its own socket only).
public enum SocketActivation {
    /// How many sockets systemd passed to this process (0 when `LISTEN_PID` is not ours or nothing was passed).
    public static func passedSockets() -> Int {
        max(0, Int(sd_listen_fds(0)))
    }
}
