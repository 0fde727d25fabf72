import Testing

@testable import Plans

@Suite struct ValueSyntaxTests {
    @Test(arguments: [
        ("90s", 90.0), ("15m", 900), ("2h", 7_200), ("3d", 259_200), ("1w", 604_800), ("1h30m", 5_400),
        ("500ms", 0.5), ("0s", 0), ("1.5h", 5_400),
    ])
    func parsesDurations(text: String, seconds: Double) throws {
        #expect(try PlanDuration.parse(text).seconds == seconds)
    }

    @Test(arguments: ["", "15", "m", "15x", "1h30", "-5m", "15 m", "1y"])
    func rejectsMalformedDurations(text: String) {
        #expect(throws: ValueSyntaxError.self) { try PlanDuration.parse(text) }
    }

    @Test func durationsPrintInPlanSyntax() {
        #expect(PlanDuration(seconds: 5_400).description == "1h30m")
        #expect(PlanDuration(seconds: 259_200).description == "3d")
        #expect(PlanDuration(seconds: 90).description == "1m30s")
    }

    @Test func parsesPercentagesAndTargets() throws {
        #expect(try Percentage.parse("30%").fraction == 0.3)
        #expect(try Percentage.parse("12.5%").fraction == 0.125)
        #expect(throws: ValueSyntaxError.self) { try Percentage.parse("30") }
        let target = try ServiceLevelTarget.parse("80% in 20s")
        #expect(target.fraction == 0.8 && target.within.seconds == 20)
        #expect(target.description == "80% in 20s")
        #expect(throws: ValueSyntaxError.self) { try ServiceLevelTarget.parse("80% within 20s") }
        #expect(throws: ValueSyntaxError.self) { try ServiceLevelTarget.parse("180% in 20s") }
    }

    @Test func validatesPhoneNumbersAndMasksThem() throws {
        let number = try PhoneNumber.parse("+56912345678")
        #expect(number.masked == "+56******678")
        #expect(!number.masked.contains("12345"))
        for bad in ["56912345678", "+0912345678", "+56 9 1234 5678", "+1234", "+1234567890123456"] {
            #expect(throws: ValueSyntaxError.self) { try PhoneNumber.parse(bad) }
        }
    }

    @Test func resolvesIanaZonesOnly() throws {
        #expect(try TimeZoneName.resolve("America/Santiago").identifier == "America/Santiago")
        #expect(throws: ValueSyntaxError.self) { try TimeZoneName.resolve("Mars/Olympus_Mons") }
        #expect(throws: ValueSyntaxError.self) { try TimeZoneName.resolve("") }
    }
}
