import Foundation

/// Checks that a definition can work, before anything is polled.
extension SignalConfig {
    /// Every problem of this definition, each a full sentence naming the signal and the setting.
    public var problems: [String] {
        var found: [String] = []
        func add(_ text: String) { found.append("signal '\(name)': \(text)") }
        if name.isEmpty || name.contains(where: { $0.isWhitespace || $0.isNewline }) {
            add("the name must be non-empty and contain no spaces")
        }
        if interval <= .zero { add("interval must be positive (e.g. 30s)") }
        if timeout <= .zero { add("timeout must be positive (e.g. 5s)") }
        if !(0...0.5).contains(jitter) { add("jitter must be between 0 and 0.5 (a fraction of the interval)") }
        if maxBackoff < interval { add("max backoff must be at least the interval") }
        if staleAfter < interval { add("stale after must be at least one interval") }
        if historyCapacity < 1 { add("history capacity must be at least 1 sample") }
        if let range = validRange, !(range.lowerBound.isFinite && range.upperBound.isFinite) {
            add("the valid range must have finite bounds")
        }
        if kind == .state, validRange != nil { add("a valid range only applies to numeric signals") }
        found += sourceProblems.map { "signal '\(name)': \($0)" }
        return found
    }

    /// Throws the first problems together when the definition cannot work.
    public func validate() throws(SignalConfigError) {
        let found = problems
        if !found.isEmpty { throw SignalConfigError(found.joined(separator: "\n")) }
    }

    /// A blank of the PromQL text: what `CharacterSet.whitespaces` holds (General Category Zs, the tab and the
    /// zero-width space; Plans' `Unicode.Scalar.isBlank`, which this module cannot see).
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    private var sourceProblems: [String] {
        switch source {
        case .prometheus(let config):
            return urlProblems(config.baseURL, setting: "prometheus url") + headerProblems(config.headers)
                + (config.query.unicodeScalars.allSatisfy(Self.isBlank) ? ["the PromQL query is empty"] : [])
        case .httpJSON(let config):
            var found = urlProblems(config.url, setting: "url") + headerProblems(config.headers)
            do { _ = try JSONPointer(config.pointer) } catch { found.append(error.message) }
            return found
        case .nut(let config):
            var found: [String] = []
            if config.host.isEmpty { found.append("the NUT host is empty") }
            if !(1...65535).contains(config.port) { found.append("the NUT port \(config.port) is not in 1...65535") }
            if config.ups.isEmpty || config.ups.contains(where: \.isWhitespace) {
                found.append("the UPS name must be non-empty without spaces (as in ups.conf)")
            }
            if config.variable.isEmpty || config.variable.contains(where: \.isWhitespace) {
                found.append("the NUT variable must be non-empty without spaces (e.g. battery.charge)")
            }
            return found
        case .file(let config):
            return config.path.isEmpty ? ["the file path is empty"] : []
        case .command(let config):
            if config.arguments.isEmpty || config.arguments[0].isEmpty { return ["the command is empty"] }
            if config.shell, config.arguments.count != 1 {
                return ["with shell: true the command must be one string (the shell command line)"]
            }
            return []
        case .push:
            return []
        }
    }

    private func urlProblems(_ url: String, setting: String) -> [String] {
        url.hasPrefix("http://") || url.hasPrefix("https://")
            ? [] : ["\(setting) '\(url)' must start with http:// or https://"]
    }

    private func headerProblems(_ headers: [HTTPHeaderConfig]) -> [String] {
        headers.flatMap { header -> [String] in
            var found: [String] = []
            if header.name.isEmpty || header.name.contains(where: { $0 == ":" || $0.isWhitespace }) {
                found.append("header name '\(header.name)' is not a valid HTTP header name")
            }
            if header.value.contains(where: \.isNewline) { found.append("header '\(header.name)' has a line break") }
            if let name = header.credential, !CredentialReader.isValidName(name) {
                found.append("credential name '\(name)' must be a plain file name (letters, digits, '.', '_', '-')")
            }
            return found
        }
    }
}
