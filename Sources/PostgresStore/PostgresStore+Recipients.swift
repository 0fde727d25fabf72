import Foundation
import PostgresNIO
import Store

extension PostgresStore: RecipientStore {
    public func consent(recipient: String, channel: String) async throws -> Bool? {
        let rows = try await client.query(
            "SELECT granted FROM consent WHERE recipient = \(recipient) AND channel = \(channel)")
        for try await granted in rows.decode(Bool.self) { return granted }
        return nil
    }

    public func setConsent(recipient: String, channel: String, granted: Bool, now: Date) async throws {
        try await client.query(
            """
            INSERT INTO consent (recipient, channel, granted, at) VALUES (\(recipient), \(channel), \(granted), \(now.stored))
            ON CONFLICT (recipient, channel) DO UPDATE SET granted = EXCLUDED.granted, at = EXCLUDED.at
            """)
    }

    public func suppression(address: String, channel: String) async throws -> Suppression? {
        let rows = try await client.query(
            """
            SELECT reason, since, confirmation_sent FROM suppressions
            WHERE address = \(address) AND channel = \(channel)
            """)
        for try await (reason, since, sent) in rows.decode((String, Double, Bool).self) {
            return Suppression(
                address: address, channel: channel, reason: reason, since: Date(timeIntervalSince1970: since),
                confirmationSent: sent)
        }
        return nil
    }

    public func suppress(_ suppression: Suppression) async throws {
        try await client.query(
            """
            INSERT INTO suppressions (address, channel, reason, since, confirmation_sent)
            VALUES (\(suppression.address), \(suppression.channel), \(suppression.reason),
                \(suppression.since.stored), \(suppression.confirmationSent))
            ON CONFLICT (address, channel) DO UPDATE SET reason = EXCLUDED.reason, since = EXCLUDED.since,
                confirmation_sent = EXCLUDED.confirmation_sent
            """)
    }

    public func removeSuppression(address: String, channel: String) async throws -> Bool {
        try await count(
            "DELETE FROM suppressions WHERE address = \(address) AND channel = \(channel) RETURNING address") > 0
    }

    public func recordContact(recipient: String, audience: String, at: Date) async throws {
        try await client.query(
            "INSERT INTO contacts (recipient, audience, at) VALUES (\(recipient), \(audience), \(at.stored))")
    }

    public func contactCount(recipient: String, audience: String, since: Date) async throws -> Int {
        let rows = try await client.query(
            """
            SELECT COUNT(*) FROM contacts WHERE recipient = \(recipient) AND audience = \(audience)
                AND at >= \(since.stored)
            """)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
