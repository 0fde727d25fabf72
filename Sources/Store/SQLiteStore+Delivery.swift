import Foundation
import GRDB

extension SQLiteStore {
    /// Stores several notices in one write transaction (one commit for a whole fan-out).
    public func insert(contentsOf notices: [NoticeRecord]) async throws -> [InsertOutcome] {
        guard !notices.isEmpty else { return [] }
        return try await pool.write { db in try notices.map { try Self.insert($0, into: db) } }
    }

    /// Keeps the report on its notice; a final report (delivered, failed, rejected) is never replaced by a
    /// provisional one (buffered, accepted) that arrives late.
    public func recordDeliveryReport(_ report: DeliveryReport) async throws -> Bool {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM notices WHERE id = ?", arguments: [report.noticeID]) != nil
            else { return false }
            let finals = DeliveryReport.Outcome.allCases.filter(\.isFinal).map { "'\($0.rawValue)'" }
            let keepsFinal =
                report.outcome.isFinal
                ? ""
                : " AND (report_outcome IS NULL OR report_outcome NOT IN "
                    + "(\(finals.joined(separator: ", "))))"
            try db.execute(
                sql: "UPDATE notices SET report_outcome = ?, report_code = ?, report_at = ? WHERE id = ?" + keepsFinal,
                arguments: [report.outcome.rawValue, report.code, report.at.storedValue, report.noticeID])
            return true
        }
    }

    public func disabledReceivers() async throws -> [DisabledReceiver] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM disabled_receivers ORDER BY name").map { row in
                DisabledReceiver(name: row["name"], reason: row["reason"], since: Date(stored: row["since"]))
            }
        }
    }

    public func disableReceiver(_ receiver: DisabledReceiver) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO disabled_receivers (name, reason, since) VALUES (?, ?, ?)",
                arguments: [receiver.name, receiver.reason, receiver.since.storedValue])
        }
    }

    public func enableReceiver(name: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM disabled_receivers WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// Inserts one notice inside a write transaction; a taken identity returns the stored notice.
    static func insert(_ notice: NoticeRecord, into db: Database) throws -> InsertOutcome {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO notices (id, occurrence, action, step, recipient, receiver, body, state, reason,
                    created_at, due_at, attempt_count, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
        try statement.execute(arguments: [
            notice.id, notice.identity.occurrence, notice.identity.action, notice.identity.step,
            notice.identity.recipient, notice.receiver, Data(notice.body), notice.state.rawValue,
            notice.reason, notice.createdAt.storedValue, notice.dueAt.storedValue, notice.attemptCount,
            notice.message.map { Data($0) },
        ])
        if db.changesCount == 1 { return .inserted }
        if let existing = try fetchNotice(db, identity: notice.identity) { return .duplicate(existing) }
        throw StoreError("notice id '\(notice.id)' is already used by another identity; ids must be unique")
    }
}
