import Foundation
import TestPeers
import Testing

@testable import Signals

/// The command source with real processes.
struct CommandSourceTests {
    private func run(_ arguments: [String], shell: Bool = false, timeout: Duration = .seconds(5))
        async -> Result<RawReading, SignalReadError>
    {
        await CommandSource(config: CommandSourceConfig(arguments: arguments, shell: shell)).read(timeout: timeout)
    }

    @Test func readsTheFirstLineOfTheOutput() async throws {
        #expect(try await run(["/bin/echo", "42"]).get().payload == .text("42"))
        #expect(try await run(["printf", "7\\nmore\\n"]).get().payload == .text("7"))
    }

    @Test func passesArgumentsWithoutAShell() async throws {
        #expect(try await run(["/bin/echo", "$((1+1)) `id`"]).get().payload == .text("$((1+1)) `id`"))
    }

    @Test func usesTheShellOnlyWhenAsked() async throws {
        #expect(try await run(["echo $((40+2))"], shell: true).get().payload == .text("42"))
    }

    @Test func reportsTheExitStatusAndStandardError() async {
        let result = await run(["echo 'sensor offline' >&2; exit 3"], shell: true)
        #expect(result.failure?.code == .local)
        #expect(result.failure?.message == "command '/bin/sh' exited with status 3: 'sensor offline'")
    }

    @Test func aMissingProgramSaysItWasNotFound() async {
        let result = await run(["/nonexistent/probe", "x"])
        #expect(result.failure?.code == .local)
        #expect(result.failure?.message.contains("cannot start: No such file or directory (not found") == true)
    }

    @Test func killsTheWholeProcessGroupOnTimeout() async throws {
        let directory = try TestEnvironment.makeTemporaryDirectory("cmd")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pidFile = directory.appendingPathComponent("child.pid").path
        // The shell starts a grandchild that would outlive a kill of the shell alone.
        let result = await run(["sleep 60 & echo $! > '\(pidFile)'; wait"], shell: true, timeout: .milliseconds(500))
        #expect(result.failure?.code == .timeout)
        #expect(result.failure?.message.hasSuffix("its process group was killed") == true)
        let text = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let grandchild = try #require(Int32(text))
        let gone = await TestEnvironment.wait(upTo: 5) { !Self.isAlive(grandchild) }
        #expect(gone, "the grandchild \(grandchild) survived the timeout")
    }

    /// Whether `pid` is a live process (a zombie awaiting its reaper counts as dead).
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }
}
