extension Unicode.Scalar {
    /// What Foundation's `CharacterSet.whitespaces` holds: General Category Zs, the tab, and the zero-width space
    /// (Zs in Unicode 3 and still in Foundation's set). ASCII is answered without the Unicode tables, which are
    /// ~0.2 MiB resident once read.
    public var isBlank: Bool {
        if isASCII { return self == " " || self == "\t" }
        return self == "\u{200B}" || properties.generalCategory == .spaceSeparator
    }

    /// What Foundation's `CharacterSet.whitespacesAndNewlines` holds: Unicode's White_Space, and the zero-width
    /// space.
    public var isBlankOrNewline: Bool {
        if isASCII { return self == " " || ("\t"..."\r").contains(self) }
        return self == "\u{200B}" || properties.isWhitespace
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, from the standard library's Unicode properties: Foundation's
    /// character sets are CoreFoundation's, whose Unicode bitmaps stay resident once read (docs/daemon.md,
    /// "Memory"), and plan loading trims thousands of values. `WhitespaceTests` hold both to Foundation.
    public var trimmingWhitespace: String { trimmed(where: \.isBlank) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    public var trimmingWhitespaceAndNewlines: String { trimmed(where: \.isBlankOrNewline) }

    private func trimmed(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isTrimmed($0) })!
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start...end])
        return String(result)
    }
}
