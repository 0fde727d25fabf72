import Delivery
import Engine
import Foundation
import Store

/// One line of `forewarn drill`'s report: the step, the real recipient, the policy outcome and what the test
/// receiver answered.
struct DrillAnswer {
    /// The printed line.
    var text: String
    /// Whether the notice reached the receiver.
    var isDelivered: Bool

    /// Reads the notice's attempts and state back from the store.
    static func describe(notice: NoticeRequest, result: SubmissionResult, store: SQLiteStore) async throws
        -> DrillAnswer
    {
        let head = "#\(notice.key.action) \(notice.key.step) → \(notice.key.recipient) [\(notice.locale)]"
        let text = notice.text.isEmpty ? "[\(notice.eventType)]" : notice.text
        let id: String
        switch result {
        case .suppressed(let suppressed, let stage, let reason):
            return DrillAnswer(
                text: "\(head): \(suppressed) suppressed at \(stage.rawValue): \(reason)\n    \(text)",
                isDelivered: false)
        case .duplicate(let existing):
            return DrillAnswer(text: "\(head): already stored as \(existing)\n    \(text)", isDelivered: false)
        case .enqueued(let enqueued, _, _):
            id = enqueued
        }
        let answers = try await store.attempts(noticeID: id).map { attempt in
            let status = attempt.status.map { "HTTP \($0)" } ?? "no response"
            return status + (attempt.error.map { " (\($0))" } ?? "")
        }
        let record = try await store.notice(id: id)
        let state = record?.state.rawValue ?? "unknown"
        let reason = record.map { $0.reason.isEmpty ? "" : ": \($0.reason)" } ?? ""
        let answered = answers.isEmpty ? "no attempt" : answers.joined(separator: ", ")
        return DrillAnswer(
            text: "\(head): \(id) answered \(answered); \(state)\(reason)\n    \(text)",
            isDelivered: record?.state == .delivered)
    }
}
