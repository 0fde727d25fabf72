import Store

/// Attempt results as parallel arrays for one `unnest` statement; postgres-nio binds no arrays of optionals,
/// so each optional column travels with a flag column saying whether the value is present.
struct AttemptBatch {
    let ids: [String]
    let at: [Double]
    let status: [Int]
    let hasStatus: [Bool]
    let latency: [Double]
    let error: [String]
    let hasError: [Bool]
    let state: [String]
    let reason: [String]
    let dueAt: [Double]
    let hasDueAt: [Bool]

    /// Splits `results` into columns.
    init(_ results: [AttemptResult]) {
        ids = results.map(\.attempt.noticeID)
        at = results.map { $0.attempt.at.stored }
        status = results.map { $0.attempt.status ?? 0 }
        hasStatus = results.map { $0.attempt.status != nil }
        latency = results.map(\.attempt.latency)
        error = results.map { $0.attempt.error ?? "" }
        hasError = results.map { $0.attempt.error != nil }
        state = results.map(\.state.rawValue)
        reason = results.map(\.reason)
        dueAt = results.map { $0.dueAt?.stored ?? 0 }
        hasDueAt = results.map { $0.dueAt != nil }
    }
}
