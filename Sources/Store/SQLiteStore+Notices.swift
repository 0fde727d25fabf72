import Foundation
import GRDB

extension SQLiteStore: NoticeStore {
    public func insert(_ notice: NoticeRecord) async throws -> InsertOutcome {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO notices (id, occurrence, action, step, recipient, receiver, body, state, reason,
                        created_at, due_at, attempt_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """,
                arguments: [
                    notice.id, notice.identity.occurrence, notice.identity.action, notice.identity.step,
                    notice.identity.recipient, notice.receiver, Data(notice.body), notice.state.rawValue,
                    notice.reason, notice.createdAt.storedValue, notice.dueAt.storedValue, notice.attemptCount,
                ])
            if db.changesCount == 1 { return .inserted }
            if let existing = try Self.fetchNotice(db, identity: notice.identity) { return .duplicate(existing) }
            throw StoreError("notice id '\(notice.id)' is already used by another identity; ids must be unique")
        }
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
                db,
                sql: """
                    SELECT * FROM notices WHERE state IN ('pending', 'deferred') AND due_at <= ?
                    ORDER BY due_at LIMIT ?
                    """,
                arguments: [now.storedValue, limit])
            var claimed: [NoticeRecord] = []
            for row in rows {
                var notice = try Self.notice(from: row)
                try db.execute(sql: "UPDATE notices SET state = 'sending' WHERE id = ?", arguments: [notice.id])
                notice.state = .sending
                claimed.append(notice)
            }
            return claimed
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
            for result in results {
                let attempt = result.attempt
                try db.execute(
                    sql: "INSERT INTO attempts (notice_id, at, status, latency, error) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        attempt.noticeID, attempt.at.storedValue, attempt.status, attempt.latency,
                        attempt.error,
                    ])
                try db.execute(
                    sql: """
                        UPDATE notices SET attempt_count = attempt_count + 1, state = ?, reason = ?,
                            due_at = COALESCE(?, due_at) WHERE id = ?
                        """,
                    arguments: [result.state.rawValue, result.reason, result.dueAt?.storedValue, attempt.noticeID])
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
        let body: Data = row["body"]
        return NoticeRecord(
            id: row["id"],
            identity: NoticeIdentity(
                occurrence: row["occurrence"], action: row["action"], step: row["step"], recipient: row["recipient"]),
            receiver: row["receiver"], body: [UInt8](body), state: state, reason: row["reason"],
            createdAt: Date(stored: row["created_at"]), dueAt: Date(stored: row["due_at"]),
            attemptCount: row["attempt_count"])
    }
}
