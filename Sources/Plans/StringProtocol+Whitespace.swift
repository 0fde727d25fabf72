import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, skipping Foundation's scan and copy when neither end is white space
    /// (the usual case: plan values are rarely padded, and plan loading trims thousands of them).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
            !CharacterSet.whitespaces.contains(first), !CharacterSet.whitespaces.contains(last)
        else { return trimmingCharacters(in: .whitespaces) }
        return String(self)
    }
}
