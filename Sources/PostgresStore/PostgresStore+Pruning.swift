import Foundation
import PostgresNIO
import Store

extension PostgresStore: StorePruning {
    /// One transaction; every instance may run it (deleting what another instance already deleted is a no-op).
    public func prune(before cutoff: Date) async throws -> PruneCounts {
        let finished = NoticeState.finished.map(\.rawValue)
        let time = cutoff.stored
        do {
            return try await client.withTransaction(logger: logger) { connection in
                func deleted(_ query: PostgresQuery) async throws -> Int {
                    var count = 0
                    for try await _ in try await connection.query(query, logger: self.logger) { count += 1 }
                    return count
                }
                var counts = PruneCounts()
                counts.notices = try await deleted(
                    """
                    DELETE FROM notices WHERE created_at < \(time) AND state = ANY(\(finished)::text[]) RETURNING id
                    """)
                try await connection.query(
                    """
                    DELETE FROM occurrence_notices WHERE occurrence IN
                        (SELECT id FROM occurrences WHERE onset < \(time) AND state IN ('ended', 'cancelled'))
                    """, logger: self.logger)
                counts.occurrences = try await deleted(
                    """
                    DELETE FROM occurrences WHERE onset < \(time) AND state IN ('ended', 'cancelled') RETURNING id
                    """)
                counts.contacts = try await deleted("DELETE FROM contacts WHERE at < \(time) RETURNING 1")
                return counts
            }
        } catch {
            throw StoreError("cannot prune the store: \(Self.describe(PostgresOccurrenceStore.unwrap(error)))")
        }
    }
}
