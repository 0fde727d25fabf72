import Foundation
import GRDB

extension SQLiteStore {
    /// The newest `limit` notices, optionally only those in `state`, newest first.
    public func notices(state: NoticeState?, limit: Int = 500) async throws -> [NoticeRecord] {
        try await pool.read { db in
            let rows: [Row]
            if let state {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM notices WHERE state = ? ORDER BY created_at DESC LIMIT ?",
                    arguments: [state.rawValue, limit])
            } else {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM notices ORDER BY created_at DESC LIMIT ?", arguments: [limit])
            }
            return try rows.map(Self.notice(from:))
        }
    }

    /// How many notices are pending, deferred or sending (an index-only count).
    public func unfinishedCount() async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notices WHERE state IN ('pending', 'deferred', 'sending')")
                ?? 0
        }
    }
}
