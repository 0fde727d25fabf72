import Foundation

/// Reads secrets by name from `$CREDENTIALS_DIRECTORY/NAME` (systemd `LoadCredential=`) or the environment.
public struct SecretResolver: Sendable {
    /// The credentials directory, normally `$CREDENTIALS_DIRECTORY`.
    public var credentialsDirectory: String?
    /// The environment to fall back to.
    public var environment: [String: String]

    /// Creates a resolver; by default from this process' environment.
    public init(
        credentialsDirectory: String? = ProcessInfo.processInfo.environment["CREDENTIALS_DIRECTORY"],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.credentialsDirectory = credentialsDirectory
        self.environment = environment
    }

    /// The secret's value (trailing newline removed); throws a clear error naming both places looked at.
    public func resolve(_ name: String) throws -> String {
        guard !name.isEmpty, !name.contains(where: { $0 == "/" }), name != ".", name != ".." else {
            throw DeliveryError("secret name '\(name)' is not a plain file name")
        }
        if let directory = credentialsDirectory, !directory.isEmpty {
            let path = directory + "/" + name
            if let data = FileManager.default.contents(atPath: path) {
                return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
            }
        }
        let variable = Self.environmentVariable(for: name)
        if let value = environment[variable] ?? environment[name], !value.isEmpty { return value }
        let place = credentialsDirectory.map { "$CREDENTIALS_DIRECTORY/\(name) (\($0))" } ?? "$CREDENTIALS_DIRECTORY"
        throw DeliveryError(
            "secret '\(name)' not found in \(place) or $\(variable); add LoadCredential=\(name):PATH to the unit")
    }

    /// The environment variable for a credential, as the plan language documents it: `FOREWARN_` and the name in
    /// capitals with every other character as `_` (`kannel-password` → `FOREWARN_KANNEL_PASSWORD`).
    public static func environmentVariable(for name: String) -> String {
        "FOREWARN_" + name.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }
}
