import Foundation

/// Turns a raw reading into an accepted sample or a `BadSample`: the single gate every value passes.
public struct SampleValidator: Sendable, Hashable {
    /// Numbers or state flags.
    public var kind: SignalKind
    /// The declared valid range for numeric signals; values outside it are rejected.
    public var validRange: ClosedRange<Double>?
    /// How far in the future a source timestamp may lie (clock skew) before it is rejected.
    public var futureTolerance: Duration

    /// Creates a validator.
    public init(
        kind: SignalKind = .numeric, validRange: ClosedRange<Double>? = nil, futureTolerance: Duration = .seconds(30)
    ) {
        self.kind = kind
        self.validRange = validRange
        self.futureTolerance = futureTolerance
    }

    /// Validates `reading` polled at `now`; the sample's time is the source's timestamp or `now`.
    public func validate(_ reading: RawReading, at now: Date) -> Result<Sample, BadSample> {
        let time = reading.timestamp ?? now
        if let stamp = reading.timestamp, stamp.timeIntervalSince(now) > futureTolerance.timeInterval {
            let ahead = SignalValue.format(stamp.timeIntervalSince(now).rounded())
            return .failure(BadSample(.futureTimestamp, "timestamp \(stamp.iso8601) is \(ahead) s in the future"))
        }
        switch value(of: reading.payload) {
        case .success(let value): return .success(Sample(time: time, value: value))
        case .failure(let bad): return .failure(bad)
        }
    }

    /// Validates the payload alone (no timestamp check).
    func value(of payload: RawReading.Payload) -> Result<SignalValue, BadSample> {
        switch payload {
        case .number(let number):
            guard kind == .numeric else { return .success(.state([SignalValue.format(number)])) }
            return check(number)
        case .text(let text):
            return parse(text)
        }
    }

    private func parse(_ text: String) -> Result<SignalValue, BadSample> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .failure(BadSample(.empty, "the source returned an empty value")) }
        if TextSniffer.looksLikeHTML(trimmed) {
            return .failure(BadSample(.htmlPage, "an HTML page instead of a value: \(TextSniffer.excerpt(trimmed))"))
        }
        switch kind {
        case .numeric:
            guard let number = NumberParser.parse(trimmed) else {
                return .failure(BadSample(.nonNumericText, "not a number: \(TextSniffer.excerpt(trimmed))"))
            }
            return check(number)
        case .state:
            let flags = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
            guard flags.allSatisfy(TextSniffer.isFlag) else {
                return .failure(
                    BadSample(.nonNumericText, "not a list of state flags: \(TextSniffer.excerpt(trimmed))"))
            }
            return .success(.state(flags))
        }
    }

    private func check(_ number: Double) -> Result<SignalValue, BadSample> {
        if number.isNaN { return .failure(BadSample(.notANumber, "the value is NaN")) }
        if number.isInfinite {
            return .failure(BadSample(.infinite, "the value is \(number < 0 ? "-Inf" : "+Inf")"))
        }
        if let range = validRange, !range.contains(number) {
            let bounds = "\(SignalValue.format(range.lowerBound))...\(SignalValue.format(range.upperBound))"
            return .failure(
                BadSample(.outOfRange, "value \(SignalValue.format(number)) is outside the valid range \(bounds)"))
        }
        return .success(.number(number))
    }
}
