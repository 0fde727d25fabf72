import Foundation

/// When a state-triggered occurrence starts, relative to the moment the state is seen:
/// `now`, `now + 10m`, `now + signal(ups_runtime)`, `now + signal(ups_runtime) - 5m`.
/// A signal's value is read in seconds.
public struct OnsetExpression: Hashable, Sendable, CustomStringConvertible {
    /// One added or subtracted term.
    public enum Term: Hashable, Sendable {
        case duration(PlanDuration)
        case signal(String)
    }

    /// The terms after `now`, each with its sign (+1 or -1).
    public let terms: [(sign: Double, term: Term)]

    /// The signals the expression reads.
    public var signals: [String] {
        terms.compactMap { if case .signal(let name) = $0.term { name } else { nil } }
    }

    /// Parses an expression; the message of a failure says what was expected.
    public static func parse(_ text: String) throws(ValueSyntaxError) -> OnsetExpression {
        let hint =
            "expected 'now' followed by '+ <duration>' or '+ signal(<name>)' terms (e.g. now + signal(ups_runtime) - 5m)"
        var tokens = text.replacing("+", with: " + ").replacing("-", with: " - ")
            .split(separator: " ").map(String.init)
        // signal names may contain '-', which the split above separated: glue them back inside signal(...).
        tokens = glueSignalNames(tokens)
        guard tokens.first == "now" else { throw ValueSyntaxError("invalid onset '\(text)': \(hint)") }
        var terms: [(Double, Term)] = []
        var index = 1
        while index < tokens.count {
            guard index + 1 < tokens.count, tokens[index] == "+" || tokens[index] == "-" else {
                throw ValueSyntaxError("invalid onset '\(text)': \(hint)")
            }
            let sign: Double = tokens[index] == "+" ? 1 : -1
            let operand = tokens[index + 1]
            if operand.hasPrefix("signal(") && operand.hasSuffix(")") {
                let name = String(operand.dropFirst("signal(".count).dropLast())
                guard !name.isEmpty else { throw ValueSyntaxError("invalid onset '\(text)': signal() needs a name") }
                terms.append((sign, .signal(name)))
            } else {
                terms.append((sign, .duration(try PlanDuration.parse(operand))))
            }
            index += 2
        }
        return OnsetExpression(terms: terms)
    }

    private static func glueSignalNames(_ tokens: [String]) -> [String] {
        var result: [String] = []
        var open: String?
        for token in tokens {
            if var current = open {
                current += token
                if token.hasSuffix(")") { result.append(current); open = nil } else { open = current }
            } else if token.hasPrefix("signal(") && !token.hasSuffix(")") {
                open = token
            } else {
                result.append(token)
            }
        }
        if let open { result.append(open) }
        return result
    }

    /// The onset for a state seen at `now`, reading signal values (seconds) through `value`; nil if one is missing.
    public func evaluate(now: Date, value: (String) -> Double?) -> Date? {
        var offset = 0.0
        for (sign, term) in terms {
            switch term {
            case .duration(let duration): offset += sign * duration.seconds
            case .signal(let name):
                guard let seconds = value(name), seconds.isFinite else { return nil }
                offset += sign * seconds
            }
        }
        return now.addingTimeInterval(offset)
    }

    public static func == (lhs: OnsetExpression, rhs: OnsetExpression) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    public var description: String {
        terms.reduce("now") { text, item in
            let operand: String
            switch item.term {
            case .duration(let duration): operand = duration.description
            case .signal(let name): operand = "signal(\(name))"
            }
            return text + (item.sign > 0 ? " + " : " - ") + operand
        }
    }
}
