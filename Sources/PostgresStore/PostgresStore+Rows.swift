import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    /// The notice columns in the order ``record(from:)`` decodes them.
    static let columns =
        "id, occurrence, action, step, recipient, receiver, body, state, reason, created_at, due_at, attempt_count, "
        + "message, report_outcome, report_code, report_at"

    /// Runs a query that selects ``columns`` and decodes every row.
    func notices(_ query: PostgresQuery) async throws -> [NoticeRecord] {
        var records: [NoticeRecord] = []
        for try await row in try await client.query(query, logger: logger) {
            records.append(try Self.record(from: row))
        }
        return records
    }

    /// Runs a statement with a `RETURNING` clause and counts the rows it returned.
    func count(_ query: PostgresQuery) async throws -> Int {
        var count = 0
        for try await _ in try await client.query(query, logger: logger) { count += 1 }
        return count
    }

    /// Decodes one notice row.
    static func record(from row: PostgresRow) throws -> NoticeRecord {
        let (
            id, occurrence, action, step, recipient, receiver, body, stateName, reason, created, due, attempts,
            message, outcomeName, code, reportAt
        ) =
            try row.decode(
                (
                    String, String, String, String, String, String, ByteBuffer, String, String, Double, Double, Int,
                    ByteBuffer?, String?, Int?, Double?
                ).self)
        guard let state = NoticeState(rawValue: stateName) else {
            throw StoreError("notice '\(id)' has unknown state '\(stateName)'")
        }
        var report: DeliveryReport?
        if let outcomeName, let outcome = DeliveryReport.Outcome(rawValue: outcomeName) {
            report = DeliveryReport(
                noticeID: id, outcome: outcome, code: code ?? 0, at: Date(timeIntervalSince1970: reportAt ?? 0))
        }
        return NoticeRecord(
            id: id,
            identity: NoticeIdentity(occurrence: occurrence, action: action, step: step, recipient: recipient),
            receiver: receiver, body: Array(body.readableBytesView), state: state, reason: reason,
            createdAt: Date(timeIntervalSince1970: created), dueAt: Date(timeIntervalSince1970: due),
            attemptCount: attempts, message: message.map { Array($0.readableBytesView) }, deliveryReport: report)
    }
}
