import HTTPTransport
import Testing

/// `HTTPTransport.percentEncoded` is libcurl's `curl_easy_escape`: RFC 3986 §2.3's unreserved characters stay,
/// every other UTF-8 byte becomes `%XX` (upper-case hex, §2.1).
@Suite struct PercentEncodingTests {
    @Test(arguments: [
        ("", ""), ("up", "up"), ("AZaz09-._~", "AZaz09-._~"), ("a b", "a%20b"), ("a+b", "a%2Bb"),
        (#"sum(rate(x{job="a b"}[5m]))"#, "sum%28rate%28x%7Bjob%3D%22a%20b%22%7D%5B5m%5D%29%29"),
        ("año/ñandú", "a%C3%B1o%2F%C3%B1and%C3%BA"), ("€", "%E2%82%AC"), ("😀", "%F0%9F%98%80"),
        ("%41", "%2541"), ("a\nb", "a%0Ab"),
    ])
    func encodesEveryByteButTheUnreserved(text: String, expected: String) {
        #expect(HTTPTransport.percentEncoded(text) == expected)
    }
}
