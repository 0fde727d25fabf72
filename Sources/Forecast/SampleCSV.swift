import Foundation

/// A `timestamp,value` CSV trace: parsing with `file:line: error: …` diagnostics.
public enum SampleCSV {
    /// A row that could not be read, with where and why.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// The file name as given.
        public let file: String
        /// The 1-based line number.
        public let line: Int
        /// What is wrong and what to do.
        public let message: String

        /// `file:line: error: message`.
        public var description: String { "\(file):\(line): error: \(message)" }
    }

    /// Parses `text`: an optional header line, then `timestamp,value` rows with strictly increasing times.
    ///
    /// Blank lines are skipped; extra columns are an error, so is a value that is not a finite number.
    public static func parse(_ text: String, file: String) throws(ParseError) -> [Sample] {
        var samples: [Sample] = []
        var lineNumber = 0
        // "\r\n" is a single Character in Swift, so split on every kind of line break.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(clean)
            func fail(_ message: String) -> ParseError { ParseError(file: file, line: lineNumber, message: message) }
            guard fields.count == 2 else {
                throw fail("expected 2 columns 'timestamp,value', found \(fields.count)")
            }
            guard let time = Timestamp.parse(fields[0]) else {
                if samples.isEmpty && Double(fields[1]) == nil { continue }
                throw fail("'\(fields[0])' is not a timestamp (use ISO 8601, e.g. 2014-07-01T00:00:00Z)")
            }
            guard let value = Double(fields[1]), value.isFinite else {
                throw fail("'\(fields[1])' is not a finite number")
            }
            if let previous = samples.last, time <= previous.time {
                throw fail("timestamp '\(fields[0])' is not after the previous row's; sort the trace by time")
            }
            samples.append(Sample(time: time, value: value))
        }
        return samples
    }

    /// Trims blanks and one pair of surrounding double quotes.
    private static func clean(_ field: Substring) -> String {
        var text = field.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        return text
    }
}
