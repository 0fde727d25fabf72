import Foundation

/// Reads the answer of Prometheus' instant query API (`/api/v1/query`) into one reading (pure).
public enum PrometheusResponse {
    /// Interprets an answer: one vector sample or a scalar gives a reading; errors, empty and ambiguous results fail.
    public static func reading(status: Int, body: [UInt8], query: String) -> Result<RawReading, SignalReadError> {
        let text = String(decoding: body.prefix(4096), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if TextSniffer.looksLikeHTML(text) { return .success(.text(text)) }
        guard let document = JSONValue.parse(body) else {
            return .failure(
                SignalReadError(
                    .malformed,
                    "Prometheus answered HTTP \(status) with something that is not JSON: \(TextSniffer.excerpt(text))"))
        }
        if case .string(let state) = document["status"], state == "error" {
            var detail = ""
            if case .string(let type) = document["errorType"] { detail += type + ": " }
            if case .string(let error) = document["error"] { detail += error }
            return .failure(SignalReadError(.peerError, "Prometheus rejected the query '\(query)': \(detail)"))
        }
        guard (200..<300).contains(status) else {
            return .failure(
                SignalReadError(.peerError, "Prometheus answered HTTP \(status): \(TextSniffer.excerpt(text))"))
        }
        guard case .string(let type) = document["data"]?["resultType"], let result = document["data"]?["result"] else {
            return .failure(SignalReadError(.malformed, "Prometheus answer has no data.resultType/data.result"))
        }
        switch (type, result) {
        case ("scalar", _), ("string", _):
            return pair(result)
        case ("vector", .array(let series)):
            guard let first = series.first else {
                return .failure(
                    SignalReadError(
                        .noData,
                        "no data: the query '\(query)' returned an empty vector (check the metric name and labels, "
                            + "and that Prometheus has scraped the target)"))
            }
            guard series.count == 1 else {
                return .failure(
                    SignalReadError(
                        .malformed,
                        "the query '\(query)' returned \(series.count) series; aggregate it (e.g. sum(...) or max(...)) "
                            + "so that it returns one"))
            }
            guard let value = first["value"] else {
                return .failure(SignalReadError(.malformed, "Prometheus vector sample has no 'value'"))
            }
            return pair(value)
        default:
            return .failure(
                SignalReadError(
                    .malformed,
                    "the query '\(query)' returned a \(type); a signal needs an instant vector or a scalar"))
        }
    }

    /// Decodes `[<unix seconds>, "<value>"]`.
    private static func pair(_ value: JSONValue) -> Result<RawReading, SignalReadError> {
        guard case .array(let items) = value, items.count == 2, case .number(let seconds) = items[0],
            case .string(let text) = items[1]
        else {
            return .failure(SignalReadError(.malformed, "Prometheus sample is not [time, \"value\"]"))
        }
        return .success(.text(text, timestamp: Date(timeIntervalSince1970: seconds)))
    }
}
