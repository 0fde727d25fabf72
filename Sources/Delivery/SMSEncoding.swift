/// How an SMS text travels: GSM 03.38 7-bit or UCS-2.
public enum SMSEncoding: String, Sendable, Equatable {
    /// The GSM 7-bit default alphabet (160 units, 153 per part).
    case gsm7
    /// UCS-2 / UTF-16 (70 units, 67 per part).
    case ucs2

    /// The GSM 03.38 basic table (ESC excluded), one septet each.
    static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)
    /// The GSM 03.38 extension table: each costs two septets (ESC + char).
    static let extended: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{0C}".unicodeScalars)

    /// Septets one scalar costs in GSM-7, or nil when it is not in the alphabet.
    static func gsmCost(_ scalar: Unicode.Scalar) -> Int? {
        if basic.contains(scalar) { return 1 }
        if extended.contains(scalar) { return 2 }
        return nil
    }
}

/// The encoding, size and split of one SMS text.
public struct SMSAnalysis: Sendable, Equatable {
    /// The encoding the text needs.
    public var encoding: SMSEncoding
    /// Septets (GSM-7) or UTF-16 code units (UCS-2) in the whole text.
    public var units: Int
    /// The texts of the parts, in order; one part when the text fits a single SMS.
    public var parts: [String]
    /// How many SMS segments are billed.
    public var segments: Int { parts.count }

    /// Analyses `text`: GSM-7 when every character is in the alphabet, otherwise UCS-2.
    ///
    /// Parts never split an escape pair (GSM-7) or a surrogate pair (UCS-2).
    public init(text: String) {
        let scalars = Array(text.unicodeScalars)
        let costs: [Int]
        let gsm = scalars.compactMap(SMSEncoding.gsmCost)
        if gsm.count == scalars.count {
            encoding = .gsm7
            costs = gsm
        } else {
            encoding = .ucs2
            costs = scalars.map { $0.utf16.count }
        }
        units = costs.reduce(0, +)
        let single = encoding == .gsm7 ? 160 : 70
        let perPart = encoding == .gsm7 ? 153 : 67
        if units <= single {
            parts = scalars.isEmpty ? [] : [text]
            return
        }
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var used = 0
        for (scalar, cost) in zip(scalars, costs) {
            if used + cost > perPart {
                result.append(String(current))
                current = String.UnicodeScalarView()
                used = 0
            }
            current.append(scalar)
            used += cost
        }
        if !current.isEmpty { result.append(String(current)) }
        parts = result
    }
}
