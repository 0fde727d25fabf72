import Foundation
import Logging
import Testing

@testable import Daemon

/// Logs never carry a full phone number or a secret; journald fields are named and masked.
struct LogRedactionTests {
    @Test(arguments: [
        ("sent to +56912345678 ok", "sent to +56******678 ok"),
        ("call +1 415-555-0134 now", "call +14******134 now"),
        ("reloaded in 0.120341419 seconds", "reloaded in 0.120341419 seconds"),
        ("at 1795412326.025976", "at 1795412326.025976"),
        ("port 9330 and 42 plans", "port 9330 and 42 plans"),
    ])
    func phoneNumbersAreMaskedAndOtherNumbersKept(input: String, expected: String) {
        #expect(LogRedaction.maskPhoneNumbers(in: input) == expected)
    }

    /// The pre-check that lets most lines skip the regex never skips one the regex would change: over many
    /// seeded random strings of digits (ASCII and Arabic-Indic), separators and letters, every string it rejects
    /// comes out of the regex pass unchanged, and it accepts every phone number above.
    @Test func thePhonePreCheckNeverSkipsAMaskedText() {
        let alphabet = Array("0123456789٣ -+.,a:")
        var state: UInt64 = 7  // a seeded linear congruential sequence (Knuth's MMIX constants): same strings every run
        func next(below bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var rejected = 0
        for _ in 0..<20000 {
            let length = next(below: 28)
            let text = String((0..<length).map { _ in alphabet[next(below: alphabet.count)] })
            if !LogRedaction.mayHoldPhoneNumber(text) {
                rejected += 1
                #expect(LogRedaction.maskMatches(in: text) == text, "\(text)")
            }
        }
        #expect(rejected > 5000)
        #expect(LogRedaction.mayHoldPhoneNumber("sent to +56912345678 ok"))
        #expect(LogRedaction.mayHoldPhoneNumber("call +1 415-555-0134 now"))
        #expect(!LogRedaction.mayHoldPhoneNumber("Ready: 4 plans; 0 pending, port 9330"))
        #expect(!LogRedaction.mayHoldPhoneNumber("Foreseen cyberday (onset 2026-11-27T12:00:00Z)"))
        #expect(LogRedaction.mayHoldPhoneNumber("to +5691234567"))  // eight digits behind a `+`
        #expect(LogRedaction.maskMatches(in: "to +56912345 ok") == "to +56***345 ok")
    }

    @Test func secretsAreHidden() {
        #expect(LogRedaction.message("Authorization: Bearer abc.def-123 sent") == "Authorization: Bearer *** sent")
        #expect(LogRedaction.message("key whsec_MfKQ9r8GKYqrTwjU=") == "key whsec_***")
        #expect(LogRedaction.message("bEaReR tok.123 from +56912345678") == "Bearer *** from +56******678")
        #expect(LogRedaction.message("plain line, a whsec_ alone") == "plain line, a whsec_ alone")
        #expect(LogRedaction.value("hunter2", forKey: "kannel_password") == "***")
        #expect(LogRedaction.value("+56912345678", forKey: "receiver") == "+56******678")
        // Secret keys in any case, with the underscore in them (the byte comparison folds letters only).
        #expect(LogRedaction.value("k", forKey: "API_KEY") == "***")
        #expect(LogRedaction.value("k", forKey: "x-Api_Key") == "***")
        #expect(LogRedaction.value("k", forKey: "Authorization") == "***")
        #expect(LogRedaction.value("k", forKey: "api-key") == "k")
        #expect(LogRedaction.message("key WHSEC_abc") == "key WHSEC_abc")  // the secret pattern is case-sensitive
    }

    @Test func linesAreKeptOnOneLine() {
        #expect(LogRedaction.singleLine("a\nb\n") == "a b ")
        #expect(LogRedaction.singleLine("crlf\r\nend") == "crlf\r end")  // as NSString's replace did: the CR stays
        #expect(LogRedaction.singleLine("¡Año nuevo!\tok") == "¡Año nuevo!\tok")
        let line = ReadableLogHandler.line(
            message: "first\nsecond", level: .info, label: "forewarn", metadata: [:],
            at: Date(timeIntervalSince1970: 0))
        #expect(line == "1970-01-01T00:00:00Z info forewarn: first second")
    }

    @Test func journalFieldsCarryMetadataUnderJournalNames() {
        let fields = JournalLogHandler.fields(
            message: "notice sent to +56912345678", level: .warning, identifier: "forewarn", label: "forewarn.delivery",
            metadata: [
                "plan_id": "power-outage", "noticeID": "n-1", "receiver": "+56912345678", "api_token": "s3cret",
            ],
            file: "F.swift", line: 3, function: "f()")
        #expect(fields.contains("MESSAGE=notice sent to +56******678"))
        #expect(fields.contains("PRIORITY=4"))
        #expect(fields.contains("SYSLOG_IDENTIFIER=forewarn"))
        #expect(fields.contains("PLAN_ID=power-outage"))
        #expect(fields.contains("NOTICE_ID=n-1"))
        #expect(fields.contains("RECEIVER=+56******678"))
        #expect(fields.contains("API_TOKEN=***"))
        #expect(!fields.joined().contains("s3cret"))
    }

    @Test func readableLinesAreMaskedToo() {
        let line = ReadableLogHandler.line(
            message: "to +56912345678", level: .info, label: "forewarn", metadata: ["password": "x"],
            at: Date(timeIntervalSince1970: 0))
        #expect(line == "1970-01-01T00:00:00Z info forewarn: to +56******678 password=***")
    }

    @Test func theJournalIsUsedOnlyWhenJournalStreamNamesStderr() {
        #expect(LogDestination.matches("8:12345", device: 8, inode: 12345))
        #expect(!LogDestination.matches("8:12345", device: 8, inode: 99))
        #expect(!LogDestination.matches("garbage", device: 8, inode: 12345))
        #expect(LogDestination.detect(environment: [:]) == .standardError)
        #expect(LogDestination.detect(environment: ["JOURNAL_STREAM": "0:0"]) == .standardError)
    }
}
