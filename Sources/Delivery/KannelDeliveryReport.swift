import Foundation
import Store

/// Reads Kannel's delivery-report callback (`dlr-url …?id=<notice>&status=%d`). Pure.
public enum KannelDeliveryReport {
    /// The outcome a Kannel `%d` status means: 1 delivered, 2 failed, 4 buffered, 8 accepted by the SMSC,
    /// 16 rejected by the SMSC (a combination reads as its most telling bit); nil for anything else.
    public static func outcome(code: Int) -> DeliveryReport.Outcome? {
        let order: [(Int, DeliveryReport.Outcome)] = [
            (1, .delivered), (2, .failed), (16, .rejected), (4, .buffered), (8, .accepted),
        ]
        return order.first { code & $0.0 != 0 }?.1
    }

    /// The report the query parameters describe: the notice id in `id` (or `notice`) and the numeric `status`.
    public static func parse(_ parameters: [String: String], at instant: Date) throws -> DeliveryReport {
        guard let id = parameters["id"] ?? parameters["notice"], !id.isEmpty else {
            throw DeliveryError("delivery report without a notice id; the dlr-url must carry id=<notice id>")
        }
        guard let text = parameters["status"], let code = Int(text), let outcome = outcome(code: code) else {
            throw DeliveryError(
                "delivery report for \(id) has status '\(parameters["status"] ?? "")'; expected Kannel's 1, 2, 4, 8 or 16"
            )
        }
        return DeliveryReport(noticeID: id, outcome: outcome, code: code, at: instant)
    }
}

extension Dispatcher {
    /// Keeps a Kannel delivery report on its notice and returns it; throws for a malformed report or unknown id.
    @discardableResult
    public func recordDeliveryReport(_ parameters: [String: String]) async throws -> DeliveryReport {
        let report = try KannelDeliveryReport.parse(parameters, at: now())
        guard try await store.recordDeliveryReport(report) else {
            throw DeliveryError("delivery report for an unknown notice '\(report.noticeID)'")
        }
        options.metrics.countReport(report.outcome)
        logger.info(
            "delivery report", metadata: ["notice.id": "\(report.noticeID)", "outcome": "\(report.outcome.rawValue)"])
        return report
    }
}
