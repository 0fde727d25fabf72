import Foundation

/// One message as the Kannel fake SMSC logs it: `FROM TO text T`, `FROM TO ucs-2 HEX`, `FROM TO udh U data D`.
public struct FakeSMSCMessage {
    /// The destination number.
    public let to: String
    /// The decoded text (of this part, for a concatenated message).
    public let text: String
    /// Concatenation header: (reference, total, sequence), when the message is one part of several.
    public let part: (reference: UInt8, total: UInt8, sequence: UInt8)?

    /// Parses one `<...>` payload of the log; nil when it is not a message line.
    public init?(line: String) {
        let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4 else { return nil }
        to = fields[1]
        switch fields[2] {
        case "text":
            text = fields[3]
            part = nil
        case "ucs-2":
            text = Self.utf16BigEndian(Self.percentDecoded(fields[3]))
            part = nil
        case "udh":
            let rest = fields[3].split(separator: " ", maxSplits: 2).map(String.init)
            guard rest.count == 3 else { return nil }
            let header = Self.percentDecoded(rest[0])
            guard header.count >= 6, header[1] == 0 else { return nil }
            part = (header[3], header[4], header[5])
            let data = Self.percentDecoded(rest[2])
            // The log writes `data` for both codings; UCS-2 parts of Latin text always hold 0x00 high bytes.
            text =
                rest[1] == "ucs-2" || data.contains(0)
                ? Self.utf16BigEndian(data)
                : (String(validating: data, as: UTF8.self) ?? String(decoding: data.map { UInt16($0) }, as: UTF16.self))
        default:
            return nil
        }
    }

    /// URL-decoding as Kannel writes it: `%XX` bytes, `+` for a space.
    public static func percentDecoded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    /// Decodes UCS-2/UTF-16 big-endian bytes.
    public static func utf16BigEndian(_ bytes: [UInt8]) -> String {
        let units = stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        return String(decoding: units, as: UTF16.self)
    }

    /// Joins concatenated parts by reference and sequence; single messages pass through.
    public static func reassembled(_ messages: [FakeSMSCMessage]) -> [String] {
        var whole: [String] = []
        var groups: [UInt8: [FakeSMSCMessage]] = [:]
        for message in messages {
            guard let part = message.part else {
                whole.append(message.text)
                continue
            }
            groups[part.reference, default: []].append(message)
            if groups[part.reference]!.count == Int(part.total) {
                whole.append(
                    groups[part.reference]!.sorted { $0.part!.sequence < $1.part!.sequence }
                        .map(\.text).joined())
                groups[part.reference] = nil
            }
        }
        return whole
    }
}
