import Foundation

/// Runs a command and reads the first line it prints; no shell unless `shell: true`; killed on timeout.
public struct CommandSource: SignalSource {
    /// The settings.
    public let config: CommandSourceConfig

    /// Creates a command source.
    public init(config: CommandSourceConfig) {
        self.config = config
    }

    /// The argv actually executed: the arguments, or `/bin/sh -c LINE` with `shell`.
    public var argv: [String] {
        config.shell ? ["/bin/sh", "-c", config.arguments.first ?? ""] : config.arguments
    }

    /// Runs the command once.
    public func read(timeout: Duration) async -> Result<RawReading, SignalReadError> {
        let argv = argv
        guard let program = argv.first, !program.isEmpty else {
            return .failure(SignalReadError(.local, "the command is empty"))
        }
        let result = await BlockingIO.run { ChildProcess.run(argv, timeout: timeout) }
        return CommandSource.interpret(result, program: program, timeout: timeout)
    }

    /// Turns a finished (or failed) run into a reading or a precise error.
    static func interpret(
        _ result: Result<ChildProcess.Output, ChildProcess.Failure>, program: String,
        timeout: Duration
    ) -> Result<RawReading, SignalReadError> {
        switch result {
        case .failure(.cannotStart(let code)):
            let reason = String(cString: strerror(code))
            let hint = code == ENOENT ? " (not found: give an absolute path or check PATH)" : ""
            return .failure(SignalReadError(.local, "command '\(program)' cannot start: \(reason)\(hint)"))
        case .failure(.timedOut):
            return .failure(
                SignalReadError(
                    .timeout,
                    "command '\(program)' did not finish within \(timeout.seconds) s; its process group was killed"))
        case .success(let output):
            let errors = String(decoding: output.standardError, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let detail = errors.isEmpty ? "" : ": " + TextSniffer.excerpt(errors, limit: 200)
            if let signal = output.signal {
                return .failure(SignalReadError(.local, "command '\(program)' was killed by signal \(signal)\(detail)"))
            }
            if let status = output.status, status != 0 {
                return .failure(SignalReadError(.local, "command '\(program)' exited with status \(status)\(detail)"))
            }
            return .success(.text(FileSource.firstLine(of: Data(output.standardOutput))))
        }
    }
}

extension Duration {
    /// The duration in seconds for messages (`2`, `0.5`).
    var seconds: String { SignalValue.format(timeInterval) }
}
