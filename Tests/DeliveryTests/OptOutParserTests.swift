import Testing

@testable import Delivery

@Suite struct OptOutParserTests {
    @Test(arguments: [
        "STOP", "stop", " Stop. ", "STOPALL", "UNSUBSCRIBE", "cancel", "END", "quit", "BAJA", "NO MÁS", "no mas",
        "No más!", "stop please", "Baja, gracias", "Dar de baja",
    ])
    func optOutWords(body: String) {
        guard case .optOut = OptOutParser.parse(body) else { Issue.record("'\(body)' must opt out"); return }
    }

    @Test(arguments: ["START", "start", "Unstop", "YES"])
    func optInWords(body: String) {
        guard case .optIn = OptOutParser.parse(body) else { Issue.record("'\(body)' must opt in"); return }
    }

    @Test(arguments: ["hola", "End of the line for me?", "Can you stop by tomorrow", "", "no"])
    func otherMessages(body: String) {
        #expect(OptOutParser.parse(body) == .other)
    }
}
