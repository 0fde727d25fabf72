import Foundation
import GRDB

extension SQLiteStore: RecipientStore {
    public func consent(recipient: String, channel: String) async throws -> Bool? {
        try await pool.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT granted FROM consent WHERE recipient = ? AND channel = ?",
                arguments: [recipient, channel])
        }
    }

    public func setConsent(recipient: String, channel: String, granted: Bool, now: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO consent (recipient, channel, granted, at) VALUES (?, ?, ?, ?)",
                arguments: [recipient, channel, granted, now.storedValue])
        }
    }

    public func suppression(address: String, channel: String) async throws -> Suppression? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM suppressions WHERE address = ? AND channel = ?", arguments: [address, channel]
            ).map { row in
                Suppression(
                    address: row["address"], channel: row["channel"], reason: row["reason"],
                    since: Date(stored: row["since"]), confirmationSent: row["confirmation_sent"])
            }
        }
    }

    public func suppress(_ suppression: Suppression) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO suppressions (address, channel, reason, since, confirmation_sent)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    suppression.address, suppression.channel, suppression.reason, suppression.since.storedValue,
                    suppression.confirmationSent,
                ])
        }
    }

    public func removeSuppression(address: String, channel: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM suppressions WHERE address = ? AND channel = ?", arguments: [address, channel])
            return db.changesCount > 0
        }
    }

    public func recordContact(recipient: String, audience: String, at: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO contacts (recipient, audience, at) VALUES (?, ?, ?)",
                arguments: [recipient, audience, at.storedValue])
        }
    }

    public func contactCount(recipient: String, audience: String, since: Date) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM contacts WHERE recipient = ? AND audience = ? AND at >= ?",
                arguments: [recipient, audience, since.storedValue]) ?? 0
        }
    }

    public func suppressions(addresses: Set<String>, channel: String) async throws -> [String: Suppression] {
        guard !addresses.isEmpty else { return [:] }
        return try await pool.read { db in
            var found: [String: Suppression] = [:]
            let list = Array(addresses)
            for start in stride(from: 0, to: list.count, by: 500) {
                let chunk = Array(list[start..<min(list.count, start + 500)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM suppressions WHERE channel = ? AND address IN (\(marks))",
                    arguments: StatementArguments([channel] + chunk))
                for row in rows {
                    let suppression = Suppression(
                        address: row["address"], channel: row["channel"], reason: row["reason"],
                        since: Date(stored: row["since"]), confirmationSent: row["confirmation_sent"])
                    found[suppression.address] = suppression
                }
            }
            return found
        }
    }
}
