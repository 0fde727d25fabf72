import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    /// Keeps the report on its notice; a final report (delivered, failed, rejected) is never replaced by a
    /// provisional one (buffered, accepted) that arrives late.
    public func recordDeliveryReport(_ report: DeliveryReport) async throws -> Bool {
        let finals = DeliveryReport.Outcome.allCases.filter(\.isFinal).map(\.rawValue)
        let changed = try await count(
            """
            UPDATE notices SET report_outcome = \(report.outcome.rawValue), report_code = \(report.code),
                report_at = \(report.at.stored)
            WHERE id = \(report.noticeID) AND (\(report.outcome.isFinal) OR report_outcome IS NULL
                OR report_outcome <> ALL(\(finals)::text[]))
            RETURNING id
            """)
        if changed > 0 { return true }
        return try await count("SELECT id FROM notices WHERE id = \(report.noticeID)") > 0
    }

    public func disabledReceivers() async throws -> [DisabledReceiver] {
        var receivers: [DisabledReceiver] = []
        let rows = try await client.query("SELECT name, reason, since FROM disabled_receivers ORDER BY name")
        for try await (name, reason, since) in rows.decode((String, String, Double).self) {
            receivers.append(DisabledReceiver(name: name, reason: reason, since: Date(timeIntervalSince1970: since)))
        }
        return receivers
    }

    public func disableReceiver(_ receiver: DisabledReceiver) async throws {
        try await client.query(
            """
            INSERT INTO disabled_receivers (name, reason, since)
            VALUES (\(receiver.name), \(receiver.reason), \(receiver.since.stored))
            ON CONFLICT (name) DO UPDATE SET reason = EXCLUDED.reason, since = EXCLUDED.since
            """)
    }

    public func enableReceiver(name: String) async throws -> Bool {
        try await count("DELETE FROM disabled_receivers WHERE name = \(name) RETURNING name") > 0
    }

    /// The active suppressions among `addresses` on a channel, in one query.
    public func suppressions(addresses: Set<String>, channel: String) async throws -> [String: Suppression] {
        guard !addresses.isEmpty else { return [:] }
        let rows = try await client.query(
            """
            SELECT address, reason, since, confirmation_sent FROM suppressions
            WHERE channel = \(channel) AND address = ANY(\(Array(addresses))::text[])
            """)
        var found: [String: Suppression] = [:]
        for try await (address, reason, since, sent) in rows.decode((String, String, Double, Bool).self) {
            found[address] = Suppression(
                address: address, channel: channel, reason: reason, since: Date(timeIntervalSince1970: since),
                confirmationSent: sent)
        }
        return found
    }
}
