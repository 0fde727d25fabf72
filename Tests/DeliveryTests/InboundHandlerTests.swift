import Foundation
import Store
import TestPeers
import Testing

@testable import Delivery

@Suite struct InboundHandlerTests {
    @Test func stopSuppressesBeforeTheNextSendWithOneConfirmationAndStartLiftsIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteStore(path: directory.path + "/forewarn.sqlite")
        let handler = InboundHandler(recipients: store)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try await handler.handle(from: "+34600111222", body: "No más", now: now)
        #expect(first == InboundResult(command: .optOut(keyword: "NO MAS"), sendsConfirmation: true))
        #expect(try await store.suppression(address: "+34600111222", channel: "sms")?.reason == "opt-out: NO MAS")
        let again = try await handler.handle(from: "+34600111222", body: "STOP", now: now)
        #expect(again.sendsConfirmation == false)
        let chatter = try await handler.handle(from: "+34600111222", body: "¿quién es?", now: now)
        #expect(chatter == InboundResult(command: .other, sendsConfirmation: false))
        #expect(try await store.suppression(address: "+34600111222", channel: "sms") != nil)
        let start = try await handler.handle(from: "+34600111222", body: "START", now: now)
        #expect(start.sendsConfirmation)
        #expect(try await store.suppression(address: "+34600111222", channel: "sms") == nil)
    }
}
