import Engine
import Foundation
import NIOCore
import PostgresNIO
import Store

extension PostgresOccurrenceStore {
    /// The open occurrences (foreseen, notified, started) as the leader last wrote them, soonest onset first.
    ///
    /// Read without the lease and without touching the working set: what a standby instance shows operators
    /// (`GET /api/v1/occurrences`, `STATUS=`) while another instance runs the engine.
    public func storedOpenOccurrences() async throws -> [Occurrence] {
        do {
            let rows = try await store.client.query(
                """
                SELECT body FROM occurrences WHERE state IN ('foreseen', 'notified', 'started')
                ORDER BY onset, seq
                """, logger: store.logger)
            let decoder = JSONDecoder()
            var open: [Occurrence] = []
            for try await body in rows.decode(ByteBuffer.self) {
                open.append(try decoder.decode(Occurrence.self, from: Data(buffer: body)))
            }
            return open
        } catch {
            throw StoreError("cannot read the stored occurrences: \(PostgresStore.describe(error))")
        }
    }
}
