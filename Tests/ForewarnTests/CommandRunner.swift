import Foundation

/// Runs the built `forewarn` executable as a process, as operators and CI do.
struct CommandRunner {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The executable next to the test bundle (SwiftPM builds it because this target depends on it).
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "forewarn"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("forewarn"),
            Bundle.main.bundleURL.appendingPathComponent("forewarn"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// `run` on a thread of its own, so an async test's wait never holds a thread of the cooperative pool.
    static func runOffPool(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL = repository
    ) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try run(arguments, environment: environment, in: directory) }) }
                .start()
        }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL = repository) throws
        -> Outcome
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CONFIGURATION_DIRECTORY")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        // Standard error goes to a file so a chatty child never blocks on a second full pipe.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "forewarn-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        return Outcome(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
