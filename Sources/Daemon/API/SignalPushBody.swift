import Foundation
import Signals

/// The body of `POST /api/v1/signals/{name}`: `{"samples": [{"value": 42.5, "time": "2026-11-23T05:00:00Z"}]}`.
struct SignalPushBody: Decodable, Sendable {
    /// One pushed value: a number or a text (state flags such as `OB LB`), with an optional RFC 3339 time.
    struct Item: Decodable, Sendable {
        var value: RawReading.Payload
        var time: Date?

        enum CodingKeys: String, CodingKey { case value, time }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let number = try? container.decode(Double.self, forKey: .value) {
                value = .number(number)
            } else if let text = try? container.decode(String.self, forKey: .value) {
                value = .text(text)
            } else if container.contains(.value) {
                throw DecodingError.typeMismatch(
                    Double.self,
                    .init(
                        codingPath: container.codingPath + [CodingKeys.value], debugDescription: "a number or a string")
                )
            } else {
                throw DecodingError.keyNotFound(
                    CodingKeys.value, .init(codingPath: container.codingPath, debugDescription: "value is required"))
            }
            time = try container.decodeIfPresent(Date.self, forKey: .time)
        }
    }

    var samples: [Item]

    /// The readings to hand to `SignalMonitor.accept`.
    var readings: [RawReading] { samples.map { RawReading($0.value, timestamp: $0.time) } }

    /// A decoder with RFC 3339 dates (with or without fractional seconds).
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            let plain = ISO8601DateFormatter()
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            guard let date = plain.date(from: text) ?? fractional.date(from: text) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "expected an RFC 3339 time like 2026-11-23T05:00:00Z, got '\(text)'"))
            }
            return date
        }
        return decoder
    }
}

/// The answer to a push.
struct SignalPushReply: Encodable, Sendable {
    struct Rejection: Encodable, Sendable {
        var reason: String
        var message: String
    }
    var accepted: Int
    var ignored: Int
    var rejected: [Rejection]

    init(_ report: PushReport) {
        accepted = report.accepted
        ignored = report.ignored
        rejected = report.rejected.map { Rejection(reason: "\($0.reason)", message: $0.message) }
    }
}
