import CCurl
import Foundation

/// One in-flight transfer: its easy handle, buffers and the continuation waiting for it (loop thread only).
final class CurlTransfer {
    let id: Int
    let easy: UnsafeMutableRawPointer
    let limit: Int
    let continuation: CheckedContinuation<HTTPResponse, any Error>
    var body: [UInt8] = []
    var headers: [HTTPHeader] = []
    var isOverLimit = false
    var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(
        id: Int, easy: UnsafeMutableRawPointer, limit: Int,
        continuation: CheckedContinuation<HTTPResponse, any Error>
    ) {
        self.id = id
        self.easy = easy
        self.limit = limit
        self.continuation = continuation
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    /// Frees the easy handle, header list and error buffer (after the multi handle released it).
    func release() {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// libcurl's message for the last failure, or its generic text for the code.
    func message(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    /// Appends one received header line, starting over at each status line (e.g. after `100 Continue`).
    func receiveHeaderLine(_ line: String) {
        // Trimmed by hand: Foundation's `trimmingCharacters` bridges through NSString, a hot spot per response.
        let trimmed = line[...].trimmingHTTPWhitespace
        if trimmed.hasPrefix("HTTP/") {
            headers.removeAll()
        } else if let colon = trimmed.firstIndex(of: ":") {
            let name = String(trimmed[..<colon])
            let value = String(trimmed[trimmed.index(after: colon)...].trimmingHTTPWhitespace)
            headers.append(HTTPHeader(name, value))
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs, CR and LF (HTTP's optional whitespace and the line end).
    var trimmingHTTPWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}

/// The write callback: appends body bytes, aborting the transfer once the cap would be exceeded.
let curlWriteCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    data, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    if transfer.body.count + length > transfer.limit {
        transfer.isOverLimit = true
        return 0
    }
    if let data, length > 0 {
        transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    }
    return length
}

/// The header callback: collects `Name: value` lines of the final response.
let curlHeaderCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    data, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    if let data, length > 0 {
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        transfer.receiveHeaderLine(String(decoding: bytes, as: UTF8.self))
    }
    return length
}
