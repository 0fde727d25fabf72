import CCurl

extension HTTPTransport {
    /// `text` percent-encoded for a URL's query or path: every byte of its UTF-8 but RFC 3986's unreserved
    /// `A–Z a–z 0–9 - . _ ~` becomes `%XX` (libcurl's `curl_easy_escape`).
    public static func percentEncoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return "" }
        let escaped = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { curl_easy_escape(nil, $0.baseAddress, Int32(buffer.count)) }
        }
        guard let escaped else { return "" }  // only when libcurl cannot allocate
        defer { curl_free(escaped) }
        return String(cString: escaped)
    }
}
