import Foundation

/// The message of a notice before encoding, kept (as JSON) so a fallback receiver can encode it anew.
struct StoredMessage: Codable {
    var type: String
    var createdAt: Double
    var to: String
    var text: String
    var data: [String: String]

    init(_ message: OutboundMessage) {
        type = message.type
        createdAt = message.createdAt.timeIntervalSince1970
        to = message.to
        text = message.text
        data = message.data
    }

    func encoded() throws -> [UInt8] { Array(try JSONEncoder().encode(self)) }

    static func decoded(_ bytes: [UInt8]) throws -> StoredMessage {
        try JSONDecoder().decode(StoredMessage.self, from: Data(bytes))
    }

    /// The message under a new notice id.
    func message(id: String) -> OutboundMessage {
        OutboundMessage(
            noticeID: id, type: type, createdAt: Date(timeIntervalSince1970: createdAt), to: to, text: text, data: data)
    }
}
