import NIOCore
import Store

/// Notices as parallel arrays for one `unnest` insert; the optional message travels with a presence flag
/// (postgres-nio binds no arrays of optionals).
struct NoticeBatch {
    let ids: [String]
    let occurrences: [String]
    let actions: [String]
    let steps: [String]
    let recipients: [String]
    let receivers: [String]
    let bodies: [ByteBuffer]
    let states: [String]
    let reasons: [String]
    let createdAt: [Double]
    let dueAt: [Double]
    let attemptCounts: [Int]
    let messages: [ByteBuffer]
    let hasMessage: [Bool]

    /// Splits `notices` into columns.
    init(_ notices: [NoticeRecord]) {
        ids = notices.map(\.id)
        occurrences = notices.map(\.identity.occurrence)
        actions = notices.map(\.identity.action)
        steps = notices.map(\.identity.step)
        recipients = notices.map(\.identity.recipient)
        receivers = notices.map(\.receiver)
        bodies = notices.map { ByteBuffer(bytes: $0.body) }
        states = notices.map(\.state.rawValue)
        reasons = notices.map(\.reason)
        createdAt = notices.map { $0.createdAt.stored }
        dueAt = notices.map { $0.dueAt.stored }
        attemptCounts = notices.map(\.attemptCount)
        messages = notices.map { ByteBuffer(bytes: $0.message ?? []) }
        hasMessage = notices.map { $0.message != nil }
    }
}
