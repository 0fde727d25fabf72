import Foundation
import GRDB

extension SQLiteStore: NoticeStore {
    public func insert(_ notice: NoticeRecord) async throws -> InsertOutcome {
        try await pool.write { db in try Self.insert(notice, into: db) }
    }

    public func notice(id: String) async throws -> NoticeRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE id = ?", arguments: [id]).map(Self.notice(from:))
        }
    }

    public func notice(identity: NoticeIdentity) async throws -> NoticeRecord? {
        try await pool.read { db in try Self.fetchNotice(db, identity: identity) }
    }

    public func claimDue(at now: Date, limit: Int) async throws -> [NoticeRecord] {
        try await pool.write { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        UPDATE notices SET state = 'sending' WHERE id IN (
                            SELECT id FROM notices WHERE state IN ('pending', 'deferred') AND due_at <= ?
                            ORDER BY due_at LIMIT ?)
                        RETURNING *
                        """),
                arguments: [now.storedValue, limit])
            return try rows.map(Self.notice(from:)).sorted { ($0.dueAt, $0.createdAt) < ($1.dueAt, $1.createdAt) }
        }
    }

    public func update(id: String, state: NoticeState, reason: String, dueAt: Date?) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE notices SET state = ?, reason = ?, due_at = COALESCE(?, due_at) WHERE id = ?",
                arguments: [state.rawValue, reason, dueAt?.storedValue, id])
            if db.changesCount == 0 { throw StoreError("no notice with id '\(id)'") }
        }
    }

    public func recordAttempt(_ attempt: AttemptRecord) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO attempts (notice_id, at, status, latency, error) VALUES (?, ?, ?, ?, ?)",
                arguments: [attempt.noticeID, attempt.at.storedValue, attempt.status, attempt.latency, attempt.error])
            try db.execute(
                sql: "UPDATE notices SET attempt_count = attempt_count + 1 WHERE id = ?", arguments: [attempt.noticeID])
        }
    }

    public func recordAttempts(_ results: [AttemptResult]) async throws {
        guard !results.isEmpty else { return }
        try await pool.write { db in
            let insert = try db.cachedStatement(
                sql: "INSERT INTO attempts (notice_id, at, status, latency, error) VALUES (?, ?, ?, ?, ?)")
            let update = try db.cachedStatement(
                sql: """
                    UPDATE notices SET attempt_count = attempt_count + 1, state = ?, reason = ?,
                        due_at = COALESCE(?, due_at) WHERE id = ?
                    """)
            for result in results {
                let attempt = result.attempt
                try insert.execute(arguments: [
                    attempt.noticeID, attempt.at.storedValue, attempt.status, attempt.latency, attempt.error,
                ])
                try update.execute(arguments: [
                    result.state.rawValue, result.reason, result.dueAt?.storedValue, attempt.noticeID,
                ])
            }
        }
    }

    public func attempts(noticeID: String) async throws -> [AttemptRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM attempts WHERE notice_id = ? ORDER BY id", arguments: [noticeID])
                .map { row in
                    AttemptRecord(
                        noticeID: row["notice_id"], at: Date(stored: row["at"]), status: row["status"],
                        latency: row["latency"], error: row["error"])
                }
        }
    }

    public func recoverInterrupted(now: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE notices SET state = 'pending', reason = 'interrupted', due_at = MIN(due_at, ?) "
                    + "WHERE state = 'sending'",
                arguments: [now.storedValue])
            return db.changesCount
        }
    }

    public func countByState() async throws -> [NoticeState: Int] {
        try await pool.read { db in
            var counts: [NoticeState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM notices GROUP BY state") {
                if let state = NoticeState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    public func nextDue() async throws -> Date? {
        try await pool.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(due_at) FROM notices WHERE state IN ('pending', 'deferred')")
                .map(Date.init(stored:))
        }
    }

    static func fetchNotice(_ db: Database, identity: NoticeIdentity) throws -> NoticeRecord? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM notices WHERE occurrence = ? AND action = ? AND step = ? AND recipient = ?",
            arguments: [identity.occurrence, identity.action, identity.step, identity.recipient]
        ).map(notice(from:))
    }

    static func notice(from row: Row) throws -> NoticeRecord {
        let stateName: String = row["state"]
        guard let state = NoticeState(rawValue: stateName) else {
            throw StoreError("notice '\(row["id"] as String? ?? "?")' has unknown state '\(stateName)'")
        }
        let id: String = row["id"]
        let body: Data = row["body"]
        let message: Data? = row["message"]
        var report: DeliveryReport?
        if let name: String = row["report_outcome"], let outcome = DeliveryReport.Outcome(rawValue: name) {
            report = DeliveryReport(
                noticeID: id, outcome: outcome, code: row["report_code"] ?? 0, at: Date(stored: row["report_at"] ?? 0))
        }
        return NoticeRecord(
            id: id,
            identity: NoticeIdentity(
                occurrence: row["occurrence"], action: row["action"], step: row["step"], recipient: row["recipient"]),
            receiver: row["receiver"], body: [UInt8](body), state: state, reason: row["reason"],
            createdAt: Date(stored: row["created_at"]), dueAt: Date(stored: row["due_at"]),
            attemptCount: row["attempt_count"], message: message.map { [UInt8]($0) }, deliveryReport: report)
    }
}
