import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    /// The notice columns in the order ``record(from:)`` decodes them.
    static let columns =
        "id, occurrence, action, step, recipient, receiver, body, state, reason, created_at, due_at, attempt_count"

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
        let (id, occurrence, action, step, recipient, receiver, body, stateName, reason, created, due, attempts) =
            try row.decode(
                (String, String, String, String, String, String, ByteBuffer, String, String, Double, Double, Int).self)
        guard let state = NoticeState(rawValue: stateName) else {
            throw StoreError("notice '\(id)' has unknown state '\(stateName)'")
        }
        return NoticeRecord(
            id: id,
            identity: NoticeIdentity(occurrence: occurrence, action: action, step: step, recipient: recipient),
            receiver: receiver, body: Array(body.readableBytesView), state: state, reason: reason,
            createdAt: Date(timeIntervalSince1970: created), dueAt: Date(timeIntervalSince1970: due),
            attemptCount: attempts)
    }
}
