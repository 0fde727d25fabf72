import CCurl

extension CurlTransfer {
    /// Sets every option of the easy handle from the request; returns a failure message when one is refused.
    func configure(with request: HTTPRequest) -> String? {
        var failures: [String] = []
        func check(_ code: CURLcode, _ what: String) {
            if code != CURLE_OK { failures.append("\(what): \(String(cString: curl_easy_strerror(code)))") }
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        check(fw_curl_easy_setopt_string(easy, CURLOPT_URL, request.url), "URL")
        check(fw_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        check(
            fw_curl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.wholeMilliseconds),
            "connect timeout")
        check(
            fw_curl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, request.totalTimeout.wholeMilliseconds),
            "total timeout")
        // TLS verification stays on (libcurl's default), and is set explicitly so no default can change it.
        check(fw_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1), "verify peer")
        check(fw_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2), "verify host")
        check(fw_curl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0), "follow location")
        check(fw_curl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"), "protocols")
        check(fw_curl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), "error buffer")
        check(fw_curl_easy_setopt_write_function(easy, curlWriteCallback), "write function")
        check(fw_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context), "write data")
        check(fw_curl_easy_setopt_header_function(easy, curlHeaderCallback), "header function")
        check(fw_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context), "header data")
        check(fw_curl_easy_setopt_pointer(easy, CURLOPT_PRIVATE, UnsafeMutableRawPointer(bitPattern: id)), "private")
        if request.maximumResponseBytes > 0 {
            check(fw_curl_easy_setopt_long(easy, CURLOPT_MAXFILESIZE, request.maximumResponseBytes), "max size")
        }
        configureMethod(request, check: check)
        var list: UnsafeMutablePointer<curl_slist>?
        var names = Set<String>()
        for header in request.headers {
            names.insert(header.name.lowercased())
            list = curl_slist_append(list, "\(header.name): \(header.value)")
        }
        // Never wait for `100 Continue`: receivers answer the whole request at once.
        if !names.contains("expect") { list = curl_slist_append(list, "Expect:") }
        headerList = list
        check(fw_curl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list), "headers")
        return failures.isEmpty ? nil : failures.joined(separator: "; ")
    }

    private func configureMethod(_ request: HTTPRequest, check: (CURLcode, String) -> Void) {
        switch request.method {
        case "GET" where request.body.isEmpty:
            check(fw_curl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1), "GET")
            return
        case "HEAD":
            check(fw_curl_easy_setopt_long(easy, CURLOPT_NOBODY, 1), "HEAD")
            return
        case "POST":
            check(fw_curl_easy_setopt_long(easy, CURLOPT_POST, 1), "POST")
        default:
            check(fw_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method), "method")
        }
        if request.method == "POST" || !request.body.isEmpty {
            check(fw_curl_easy_setopt_long(easy, CURLOPT_POSTFIELDSIZE, request.body.count), "body size")
            request.body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS copies exactly POSTFIELDSIZE bytes, so the body may hold any bytes.
                let pointer = UnsafeMutableRawPointer(
                    mutating: bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start))
                check(fw_curl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, pointer), "body")
            }
        }
    }
}
