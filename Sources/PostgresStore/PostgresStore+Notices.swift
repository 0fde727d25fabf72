import Foundation
import PostgresNIO
import Store

extension PostgresStore: NoticeStore {
    public func insert(_ notice: NoticeRecord) async throws -> InsertOutcome {
        let identity = notice.identity
        let inserted = try await count(
            """
            INSERT INTO notices (id, occurrence, action, step, recipient, receiver, body, state, reason,
                created_at, due_at, attempt_count, message)
            VALUES (\(notice.id), \(identity.occurrence), \(identity.action), \(identity.step), \(identity.recipient),
                \(notice.receiver), \(ByteBuffer(bytes: notice.body)), \(notice.state.rawValue), \(notice.reason),
                \(notice.createdAt.stored), \(notice.dueAt.stored), \(notice.attemptCount),
                \(notice.message.map { ByteBuffer(bytes: $0) }))
            ON CONFLICT DO NOTHING RETURNING id
            """)
        if inserted == 1 { return .inserted }
        if let existing = try await self.notice(identity: identity) { return .duplicate(existing) }
        throw StoreError("notice id '\(notice.id)' is already used by another identity; ids must be unique")
    }

    public func notice(id: String) async throws -> NoticeRecord? {
        try await notices("SELECT \(unescaped: Self.columns) FROM notices WHERE id = \(id)").first
    }

    public func notice(identity: NoticeIdentity) async throws -> NoticeRecord? {
        try await notices(
            """
            SELECT \(unescaped: Self.columns) FROM notices WHERE occurrence = \(identity.occurrence)
                AND action = \(identity.action) AND step = \(identity.step) AND recipient = \(identity.recipient)
            """
        ).first
    }

    public func update(id: String, state: NoticeState, reason: String, dueAt: Date?) async throws {
        let changed = try await count(
            """
            UPDATE notices SET state = \(state.rawValue), reason = \(reason), due_at = COALESCE(\(dueAt?.stored), due_at),
                claimed_by = CASE WHEN \(state.rawValue) = 'sending' THEN claimed_by END,
                claim_expires_at = CASE WHEN \(state.rawValue) = 'sending' THEN claim_expires_at END
            WHERE id = \(id) RETURNING id
            """)
        if changed == 0 { throw StoreError("no notice with id '\(id)'") }
    }

    public func attempts(noticeID: String) async throws -> [AttemptRecord] {
        let rows = try await client.query(
            "SELECT at, status, latency, error FROM attempts WHERE notice_id = \(noticeID) ORDER BY id")
        var attempts: [AttemptRecord] = []
        for try await (at, status, latency, error) in rows.decode((Double, Int?, Double, String?).self) {
            attempts.append(
                AttemptRecord(
                    noticeID: noticeID, at: Date(timeIntervalSince1970: at), status: status, latency: latency,
                    error: error))
        }
        return attempts
    }

    public func countByState() async throws -> [NoticeState: Int] {
        var counts: [NoticeState: Int] = [:]
        let rows = try await client.query("SELECT state, COUNT(*) FROM notices GROUP BY state")
        for try await (name, count) in rows.decode((String, Int).self) {
            if let state = NoticeState(rawValue: name) { counts[state] = count }
        }
        return counts
    }

    public func nextDue() async throws -> Date? {
        let rows = try await client.query("SELECT MIN(due_at) FROM notices WHERE state IN ('pending', 'deferred')")
        for try await value in rows.decode(Double?.self) { return value.map(Date.init(timeIntervalSince1970:)) }
        return nil
    }
}
