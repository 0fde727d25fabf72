import Foundation
import TestPeers
import Testing

@testable import Signals

/// RFC 6901 pointers, checked against the RFC's own example (Fixtures/rfc6901).
struct JSONPointerTests {
    private struct Case: Decodable {
        let pointer: String
        let expected: JSONValue
    }

    private func load(_ name: String) throws -> Data {
        try Data(contentsOf: TestEnvironment.fixtures.appendingPathComponent("rfc6901/\(name)"))
    }

    @Test func resolvesEveryExampleOfTheRFC() throws {
        let document = try #require(JSONValue.parse(try load("document.json")))
        let cases = try JSONDecoder().decode([Case].self, from: try load("cases.json"))
        #expect(cases.count == 12)
        for example in cases {
            let pointer = try JSONPointer(example.pointer)
            let resolved = try pointer.resolve(in: document).get()
            let expected = example.expected == .string("whole document") ? document : example.expected
            #expect(resolved == expected, "pointer '\(example.pointer)'")
        }
    }

    @Test func refusesMalformedPointers() {
        #expect(throws: SignalConfigError.self) { try JSONPointer("foo") }
        #expect(throws: SignalConfigError.self) { try JSONPointer("/a~2b") }
        #expect(throws: SignalConfigError.self) { try JSONPointer("/a~") }
    }

    @Test func namesTheTokenThatDidNotResolve() throws {
        let document = try #require(JSONValue.parse(Data(#"{"data": {"list": [1, 2]}, "n": 3}"#.utf8)))
        let missing = try JSONPointer("/data/load").resolve(in: document)
        #expect(missing.failure?.code == .noData)
        #expect(missing.failure?.message == "JSON pointer '/data/load': no member 'load' in '/data'")
        let outside = try JSONPointer("/data/list/2").resolve(in: document)
        #expect(
            outside.failure?.message == "JSON pointer '/data/list/2': no element '2' in '/data/list' (an array of 2)")
        #expect(try JSONPointer("/data/list/01").resolve(in: document).failure?.code == .noData)
        #expect(try JSONPointer("/data/list/-").resolve(in: document).failure?.code == .noData)
        let scalar = try JSONPointer("/n/x").resolve(in: document)
        #expect(scalar.failure?.message == "JSON pointer '/n/x': '/n' is a number, not an object or array")
        #expect(try JSONPointer("/data/list/1").resolve(in: document).get() == .number(2))
    }
}
