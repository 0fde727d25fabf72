import Testing

@testable import Signals

/// The upsd line protocol, from lines as upsd 2.8 sends them (see Fixtures/README.md).
struct NUTReplyTests {
    @Test func parsesAVariable() {
        #expect(
            NUTReply(line: #"VAR ups battery.charge "100""#)
                == .variable(ups: "ups", name: "battery.charge", value: "100"))
        #expect(
            NUTReply(line: #"VAR ups ups.status "OB DISCHRG LB""#)
                == .variable(ups: "ups", name: "ups.status", value: "OB DISCHRG LB"))
    }

    @Test func unescapesQuotedValues() {
        #expect(
            NUTReply(line: #"VAR ups device.model "Smart \"UPS\" 1500 \\ rack""#)
                == .variable(ups: "ups", name: "device.model", value: #"Smart "UPS" 1500 \ rack"#))
        #expect(NUTReply(line: #"VAR ups ups.status """#) == .variable(ups: "ups", name: "ups.status", value: ""))
    }

    @Test func parsesErrors() {
        #expect(NUTReply(line: "ERR UNKNOWN-UPS") == .error(code: "UNKNOWN-UPS"))
        #expect(NUTReply(line: "ERR VAR-NOT-SUPPORTED extra words") == .error(code: "VAR-NOT-SUPPORTED"))
    }

    @Test(arguments: ["", "OK Goodbye", #"VAR ups battery.charge "100"#, "VAR ups battery.charge", "ERR"])
    func keepsAnythingElseAsUnexpected(line: String) {
        #expect(NUTReply(line: line) == .unexpected(line))
    }

    @Test func explainsWhatToDo() {
        let config = NUTSourceConfig(ups: "ups", variable: "ups.status")
        let stale = NUTSource.interpret(.error(code: "DATA-STALE"), config: config, peer: "NUT server x")
        #expect(stale.failure?.code == .noData)
        #expect(
            stale.failure?.message
                == "NUT server x: upsd has only stale data for 'ups' (is the driver running and connected?)")
        let wait = NUTSource.interpret(
            .variable(ups: "ups", name: "ups.status", value: "WAIT"), config: config, peer: "p")
        #expect(wait.failure?.code == .noData)
        let other = NUTSource.interpret(
            .variable(ups: "ups2", name: "ups.status", value: "OL"), config: config, peer: "p")
        #expect(other.failure?.code == .malformed)
        let good = NUTSource.interpret(
            .variable(ups: "ups", name: "ups.status", value: "OL"), config: config, peer: "p")
        #expect(good.failure == nil)
    }
}
