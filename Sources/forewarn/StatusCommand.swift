import ArgumentParser
import Daemon
import Foundation

/// `forewarn status`: asks the running daemon over its API what it knows (health, signals, upcoming).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show what a running daemon knows: plans, signals, upcoming contingencies.")

    @Option(help: "The daemon's API (default: http://127.0.0.1:9330).")
    var url = "http://127.0.0.1:9330"

    @Option(help: "A file holding the API token (default: $FOREWARN_API_TOKEN).")
    var tokenFile: String?

    func run() async throws {
        var token = ProcessInfo.processInfo.environment["FOREWARN_API_TOKEN"]
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw ValidationError("cannot read the token file '\(tokenFile)'")
            }
            token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        do {
            let snapshot = try await StatusClient(baseURL: url, token: token).fetch()
            print(snapshot.text(now: Date()))
        } catch {
            FileHandle.standardError.write(
                Data("error: no daemon answers at \(url): \(error) (is forewarn run up? --url)\n".utf8))
            throw ExitCode(3)
        }
    }
}
