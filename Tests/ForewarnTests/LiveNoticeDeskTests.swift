import Daemon
import Delivery
import Foundation
import HTTPTransport
import Logging
import Store
import Testing

@testable import forewarn

/// The API's notice desk over a real SQLite store: a Kannel delivery report (`GET /api/v1/dlr` parameters) is kept
/// on its notice and shows in the notice list.
@Suite struct LiveNoticeDeskTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A dispatcher over a fresh SQLite store in a temporary directory with `receivers`; removed after `body`.
    static func withDispatcher(
        _ receivers: ReceiverConfig..., body: (SQLiteStore, Dispatcher) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("forewarn-desk-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("forewarn.sqlite").path)
        let transport = HTTPTransport()
        defer { transport.shutdown() }
        let dispatcher = try Dispatcher(
            store: store, recipients: store, transport: transport, receivers: receivers, logger: logger)
        try await body(store, dispatcher)
    }

    @Test func aDeliveryReportIsStoredAndListed() async throws {
        let receiver = ReceiverConfig(
            name: "sms",
            kind: .kannel(
                KannelReceiver(
                    sendsmsURL: "http://127.0.0.1:9/cgi-bin/sendsms", username: "u", passwordSecret: "P",
                    deliveryReportURL: "http://127.0.0.1:9330/api/v1/dlr")))
        try await Self.withDispatcher(receiver) { store, dispatcher in
            let submission = NoticeSubmission(
                identity: NoticeIdentity(occurrence: "cyberday/2026", action: "0", step: "before-1d", recipient: "c-1"),
                receiver: "sms",
                candidate: PolicyCandidate(
                    recipient: "c-1", address: "+56900000001", channel: "sms", audience: "staff", timeZone: .utc,
                    isCustomer: false),
                settings: PolicySettings(frequencyCap: nil, quietHours: nil), text: "¡Mañana!")
            guard case .enqueued(let id, _, _) = try await dispatcher.submit(submission) else {
                Issue.record("expected an enqueue"); return
            }
            let body = String(decoding: try #require(try await store.notice(id: id)?.body), as: UTF8.self)
            let fields = URLComponents(string: "http://x/?" + body)?.queryItems ?? []
            #expect(
                fields.first { $0.name == "dlr-url" }?.value == "http://127.0.0.1:9330/api/v1/dlr?id=\(id)&status=%d")

            let desk = LiveNoticeDesk(store: store, dispatcher: dispatcher, logger: Self.logger)
            #expect(try await desk.notices(state: nil).first?.deliveryReport == nil)
            try await desk.deliveryReport(["id": id, "status": "1"])
            let listed = try #require(try await desk.notices(state: nil).first)
            #expect(listed.id == id)
            #expect(listed.deliveryReport == "delivered")
            #expect(listed.deliveryReportAt != nil)
            let unknown = await #expect(throws: APIError.self) {
                try await desk.deliveryReport(["id": "msg_unknown", "status": "1"])
            }
            #expect(unknown?.status == .notFound)
            #expect(unknown?.message.contains("unknown notice") == true)
            let malformed = await #expect(throws: APIError.self) {
                try await desk.deliveryReport(["id": id, "status": "x"])
            }
            #expect(malformed?.status == .badRequest)
        }
    }

    static func kannel(_ name: String) -> ReceiverConfig {
        ReceiverConfig(
            name: name,
            kind: .kannel(KannelReceiver(sendsmsURL: "http://127.0.0.1:9/", username: "u", passwordSecret: "P")))
    }

    @Test func anInboundStopIsConfirmedOnceThroughTheOutbox() async throws {
        let hook = ReceiverConfig(name: "hook", kind: .webhook(WebhookReceiver(url: "http://127.0.0.1:9/")))
        try await Self.withDispatcher(hook) { store, dispatcher in
            let silent = LiveNoticeDesk(store: store, dispatcher: dispatcher, logger: Self.logger)
            try await silent.receive(InboundMessage(from: "+56900000007", text: "STOP"))
            #expect(try await store.suppression(address: "+56900000007", channel: "sms") != nil)
            #expect(try await silent.notices(state: nil).isEmpty, "no SMS receiver: nothing is sent")
        }
        try await Self.withDispatcher(Self.kannel("sms")) { store, dispatcher in
            let desk = LiveNoticeDesk(store: store, dispatcher: dispatcher, logger: Self.logger)
            try await desk.receive(InboundMessage(from: "+56900000008", text: "no más"))
            try await desk.receive(InboundMessage(from: "+56900000008", text: "BAJA"))
            let notices = try await desk.notices(state: "pending")
            #expect(notices.count == 1, "one confirmation, however often the sender repeats the opt-out")
            let id = try #require(notices.first?.id)
            let stored = try #require(try await store.notice(id: id))
            #expect(stored.identity.action == "opt-out-confirmation")
            #expect(stored.identity.recipient == "+56900000008")
            #expect(String(decoding: stored.body, as: UTF8.self).contains("ALTA"))
        }
    }

    @Test func theConfirmationGoesBackThroughTheReceiverTheMessageCameThrough() async throws {
        try await Self.withDispatcher(Self.kannel("sms-a"), Self.kannel("sms-b")) { store, dispatcher in
            let desk = LiveNoticeDesk(store: store, dispatcher: dispatcher, logger: Self.logger)
            try await desk.receive(InboundMessage(from: "+56900000011", text: "STOP", receiver: "sms-b"))
            try await desk.receive(InboundMessage(from: "+56900000012", text: "STOP"))
            var byRecipient: [String: String] = [:]
            for summary in try await desk.notices(state: "pending") {
                let stored = try #require(try await store.notice(id: summary.id))
                byRecipient[stored.identity.recipient] = stored.receiver
            }
            #expect(byRecipient == ["+56900000011": "sms-b", "+56900000012": "sms-a"])

            // A receiver the plans do not define (a gateway's URL out of date): the opt-out is not lost.
            try await desk.receive(InboundMessage(from: "+56900000013", text: "STOP", receiver: "nope"))
            #expect(try await store.suppression(address: "+56900000013", channel: "sms") != nil)
            let confirmations = try await store.notices(state: .pending).filter {
                $0.identity.recipient == "+56900000013"
            }
            #expect(confirmations.map(\.receiver) == ["sms-a"])
        }
    }
}
