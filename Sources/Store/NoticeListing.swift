/// Lists stored notices for operators (the API's `/notices`); both stores implement it.
public protocol NoticeListing: Sendable {
    /// The newest `limit` notices, optionally only those in `state`, newest first.
    func notices(state: NoticeState?, limit: Int) async throws -> [NoticeRecord]
}

extension NoticeListing {
    /// The newest 500 notices, optionally only those in `state`, newest first.
    public func notices(state: NoticeState?) async throws -> [NoticeRecord] {
        try await notices(state: state, limit: 500)
    }
}

/// Everything the daemon needs from one database: the outbox, recipient facts, listings and pruning.
public typealias ForewarnStore = NoticeStore & RecipientStore & NoticeListing & StorePruning

extension SQLiteStore: NoticeListing {}
