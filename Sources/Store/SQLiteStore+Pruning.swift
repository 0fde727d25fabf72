import Foundation
import GRDB

extension SQLiteStore: StorePruning {
    public func prune(before cutoff: Date) async throws -> PruneCounts {
        let finished = NoticeState.finished.map(\.rawValue)
        let marks = databaseQuestionMarks(count: finished.count)
        let time = cutoff.storedValue
        return try await pool.write { db in
            try db.execute(
                sql: """
                    DELETE FROM attempts WHERE notice_id IN
                        (SELECT id FROM notices WHERE created_at < ? AND state IN (\(marks)))
                    """, arguments: StatementArguments([time] + finished))
            try db.execute(
                sql: "DELETE FROM notices WHERE created_at < ? AND state IN (\(marks))",
                arguments: StatementArguments([time] + finished))
            var counts = PruneCounts(notices: db.changesCount)
            try db.execute(
                sql: """
                    DELETE FROM occurrence_notices WHERE occurrence IN
                        (SELECT id FROM occurrences WHERE onset < ? AND state IN ('ended', 'cancelled'))
                    """, arguments: [time])
            try db.execute(
                sql: "DELETE FROM occurrences WHERE onset < ? AND state IN ('ended', 'cancelled')", arguments: [time])
            counts.occurrences = db.changesCount
            try db.execute(sql: "DELETE FROM contacts WHERE at < ?", arguments: [time])
            counts.contacts = db.changesCount
            return counts
        }
    }
}
