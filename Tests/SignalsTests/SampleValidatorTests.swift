import Foundation
import Testing

@testable import Signals

/// Every bad-sample reason, and the values that must pass.
struct SampleValidatorTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let percent = SampleValidator(kind: .numeric, validRange: 0...100)

    private func reason(_ reading: RawReading, _ validator: SampleValidator? = nil) -> BadSampleReason? {
        if case .failure(let bad) = (validator ?? percent).validate(reading, at: now) { return bad.reason }
        return nil
    }

    @Test(arguments: [
        ("42", 42.0), (" 17.25\n", 17.25), ("-0.5", -0.5), ("1e2", 100), ("0", 0), (".5", 0.5),
    ])
    func acceptsDecimalText(text: String, expected: Double) {
        let validator = SampleValidator(kind: .numeric, validRange: -1...100)
        let sample = try? validator.validate(.text(text), at: now).get()
        #expect(sample == Sample(time: now, value: .number(expected)))
    }

    @Test func rejectsNaNAsTextAndAsNumber() {
        #expect(reason(.text("NaN")) == .notANumber)
        #expect(reason(.text("nan")) == .notANumber)
        #expect(reason(.number(.nan)) == .notANumber)
    }

    @Test func rejectsInfinities() {
        #expect(reason(.text("+Inf")) == .infinite)
        #expect(reason(.text("-Inf")) == .infinite)
        #expect(reason(.number(.infinity)) == .infinite)
        #expect(reason(.number(-.infinity)) == .infinite)
    }

    @Test(arguments: ["n/a", "42 requests", "0x1p3", "1,234", "true", "--", "e"])
    func rejectsNonNumericText(text: String) {
        #expect(reason(.text(text)) == .nonNumericText)
    }

    @Test func rejectsEmptyValues() {
        #expect(reason(.text("")) == .empty)
        #expect(reason(.text("  \n")) == .empty)
    }

    @Test(arguments: [
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>",
        "<html>\n<body>Service Unavailable</body></html>",
        "  <HTML><HEAD><TITLE>Error</TITLE></HEAD></HTML>",
        "<h1>404 Not Found</h1>",
    ])
    func rejectsHTMLPages(page: String) {
        #expect(reason(.text(page)) == .htmlPage)
        #expect(reason(.text(page), SampleValidator(kind: .state)) == .htmlPage)
    }

    @Test func rejectsValuesOutsideTheRangeButKeepsTheBounds() {
        #expect(reason(.number(100.5)) == .outOfRange)
        #expect(reason(.text("-1")) == .outOfRange)
        #expect(reason(.number(0)) == nil)
        #expect(reason(.number(100)) == nil)
        guard case .failure(let bad) = percent.validate(.number(140), at: now) else {
            Issue.record("140 accepted for 0...100")
            return
        }
        #expect(bad.message == "value 140 is outside the valid range 0...100")
    }

    @Test func rejectsTimestampsBeyondTheTolerance() {
        let validator = SampleValidator(kind: .numeric, futureTolerance: .seconds(30))
        #expect(reason(.number(1, timestamp: now.addingTimeInterval(31)), validator) == .futureTimestamp)
        #expect(reason(.number(1, timestamp: now.addingTimeInterval(3600)), validator) == .futureTimestamp)
        #expect(reason(.number(1, timestamp: now.addingTimeInterval(30)), validator) == nil)
        let past = now.addingTimeInterval(-60)
        #expect(
            (try? validator.validate(.number(5, timestamp: past), at: now).get())
                == Sample(time: past, value: .number(5)))
    }

    @Test func parsesStateFlags() {
        let validator = SampleValidator(kind: .state)
        let sample = try? validator.validate(.text("OB DISCHRG LB"), at: now).get()
        #expect(sample?.value == .state(["OB", "DISCHRG", "LB"]))
        #expect(sample?.value.contains(flag: "LB") == true)
        #expect(sample?.value.contains(flag: "OL") == false)
        #expect(reason(.text("OB {weird}"), validator) == .nonNumericText)
    }

    @Test func everyReasonHasADistinctCountingKey() {
        let keys = Set(BadSampleReason.allCases.map(\.rawValue))
        #expect(keys.count == BadSampleReason.allCases.count)
    }
}
