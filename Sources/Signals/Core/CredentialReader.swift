import Foundation

/// Reads secrets by name: `$CREDENTIALS_DIRECTORY/NAME` (systemd `LoadCredential=`) first, else the environment
/// variable `FOREWARN_NAME` (the name in capitals, other characters as `_`), as the plan language documents.
public struct CredentialReader: Sendable {
    /// The environment to read `CREDENTIALS_DIRECTORY` and fallback variables from.
    public var environment: [String: String]

    /// Creates a reader over `environment` (the process environment by default).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Whether `name` is a plain file name that cannot escape the credentials directory.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && name.count <= 255
            && name.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0)
            }
    }

    /// The environment variable consulted for `name`: `FOREWARN_` and the name in capitals, `-` and `.` as `_`.
    public static func environmentVariable(for name: String) -> String {
        "FOREWARN_" + name.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    /// The credential's content without a trailing newline, or an error that says where it was looked for.
    public func read(_ name: String) -> Result<String, SignalReadError> {
        guard CredentialReader.isValidName(name) else {
            return .failure(SignalReadError(.local, "credential name '\(name)' is not a plain file name"))
        }
        var looked: [String] = []
        if let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty {
            let path = directory + "/" + name
            looked.append(path)
            if let data = FileManager.default.contents(atPath: path) {
                return .success(String(decoding: data.prefix(65_536), as: UTF8.self).trimmingTrailingNewlines)
            }
        }
        let variable = CredentialReader.environmentVariable(for: name)
        if let value = environment[variable] { return .success(value.trimmingTrailingNewlines) }
        looked.append("the environment variable \(variable)")
        return .failure(
            SignalReadError(
                .local,
                "credential '\(name)' not found (looked in \(looked.joined(separator: " and "))); "
                    + "add LoadCredential=\(name):/path/to/secret to the unit, or set \(variable)"))
    }
}

extension String {
    /// The string without trailing `\n` and `\r`.
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") || text.hasSuffix("\r") || text.hasSuffix("\r\n") { text.removeLast() }
        return text
    }
}
