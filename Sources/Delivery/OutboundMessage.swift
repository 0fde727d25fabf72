import CivilDay
import Foundation

/// One rendered message on its way to a receiver, before its body bytes are serialized.
public struct OutboundMessage: Sendable, Equatable {
    /// The notice id, sent as `webhook-id` and used in delivery-report URLs.
    public var noticeID: String
    /// The event type in the webhook envelope, e.g. `notice.issued`.
    public var type: String
    /// The notice's creation instant (UTC), the envelope's `timestamp`.
    public var createdAt: Date
    /// The recipient's address (E.164 number for SMS).
    public var to: String
    /// The rendered text (already in the recipient's locale).
    public var text: String
    /// Extra string fields for the webhook envelope's `data` and for templated bodies.
    public var data: [String: String]

    /// Creates a message.
    public init(
        noticeID: String, type: String, createdAt: Date, to: String, text: String, data: [String: String] = [:]
    ) {
        self.noticeID = noticeID
        self.type = type
        self.createdAt = createdAt
        self.to = to
        self.text = text
        self.data = data
    }

    /// The values a templated body sees: `id`, `type`, `to`, `text`, `timestamp` and every `data` field.
    var templateValues: [String: Any] {
        var values: [String: Any] = data
        values["id"] = noticeID
        values["type"] = type
        values["to"] = to
        values["text"] = text
        values["timestamp"] = CivilDay.iso8601(createdAt)
        return values
    }
}
