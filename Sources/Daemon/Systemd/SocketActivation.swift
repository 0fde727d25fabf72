import CSystemd
import Foundation

/// Socket activation (`LISTEN_FDS`/`LISTEN_PID`): the listening socket systemd passed, served instead of
/// binding `--listen`.
public enum SocketActivation {
    /// The first descriptor systemd passes (`SD_LISTEN_FDS_START`).
    static let firstDescriptor: CInt = 3

    /// The listening stream socket systemd passed, or nil when nothing was passed (or `LISTEN_PID` is not ours).
    /// Clears the variables so children do not inherit them; throws when the passed descriptor cannot be served.
    public static func passedSocket() throws -> CInt? {
        let count = sd_listen_fds(1)
        if count < 0 {
            throw DaemonStartError(
                errno: -count, "LISTEN_FDS is set but unusable: \(String(cString: strerror(-count)))")
        }
        guard count > 0 else { return nil }
        guard count == 1 else {
            throw DaemonStartError(
                errno: EINVAL,
                "systemd passed \(count) sockets; forewarn serves one (give the .socket unit one Listen...)")
        }
        guard sd_is_socket(firstDescriptor, AF_UNSPEC, Int32(SOCK_STREAM.rawValue), 1) > 0 else {
            throw DaemonStartError(
                errno: ENOTSOCK,
                "the descriptor systemd passed is not a listening stream socket (use ListenStream= in the .socket unit)"
            )
        }
        return firstDescriptor
    }
}
