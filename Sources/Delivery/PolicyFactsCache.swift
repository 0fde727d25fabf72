import Foundation
import Store

/// The facts the policy stages read for a batch of submissions, read once per address or recipient.
///
/// Suppressions come in one query per channel; consent and contact counts are read once per recipient and the
/// contacts enqueued earlier in the same batch are added, so a fan-out respects the frequency cap.
struct PolicyFactsCache {
    private var suppressions: [String: [String: Suppression]]
    private var consents: [String: Bool?] = [:]
    private var contacts: [String: Int] = [:]

    /// Reads the suppressions of every address in `submissions`, grouped by channel.
    static func load(for submissions: [NoticeSubmission], from recipients: any RecipientStore) async throws
        -> PolicyFactsCache
    {
        var byChannel: [String: Set<String>] = [:]
        for submission in submissions {
            byChannel[submission.candidate.channel, default: []].insert(submission.candidate.address)
        }
        var found: [String: [String: Suppression]] = [:]
        for (channel, addresses) in byChannel {
            found[channel] = try await recipients.suppressions(addresses: addresses, channel: channel)
        }
        return PolicyFactsCache(suppressions: found)
    }

    private init(suppressions: [String: [String: Suppression]]) {
        self.suppressions = suppressions
    }

    /// The facts for one submission (never a duplicate: the store's uniqueness decides that).
    mutating func facts(for submission: NoticeSubmission, at instant: Date, from recipients: any RecipientStore)
        async throws -> PolicyFacts
    {
        let candidate = submission.candidate
        var consent: Bool?
        var recent = 0
        if candidate.isCustomer {
            let consentKey = candidate.recipient + "\u{0}" + candidate.channel
            if let known = consents[consentKey] {
                consent = known
            } else {
                consent = try await recipients.consent(recipient: candidate.recipient, channel: candidate.channel)
                consents[consentKey] = consent
            }
            if let cap = submission.settings.frequencyCap {
                let key = Self.contactKey(submission)
                if let known = contacts[key] {
                    recent = known
                } else {
                    recent = try await recipients.contactCount(
                        recipient: candidate.recipient, audience: candidate.audience,
                        since: instant.addingTimeInterval(-cap.window.seconds))
                    contacts[key] = recent
                }
            }
        }
        return PolicyFacts(
            consent: consent, suppressionReason: suppressions[candidate.channel]?[candidate.address]?.reason,
            isDuplicate: false, recentContacts: recent)
    }

    /// Counts a contact enqueued in this batch (on top of the stored count read for its cap).
    mutating func countContact(of submission: NoticeSubmission) {
        let key = Self.contactKey(submission)
        if let known = contacts[key] { contacts[key] = known + 1 }
    }

    private static func contactKey(_ submission: NoticeSubmission) -> String {
        submission.candidate.recipient + "\u{0}" + submission.candidate.audience
    }
}
