import Store

/// Group commit: attempt results that finish while a write is running are stored together in the next one.
///
/// Each caller still returns only after its own result is committed, so nothing is acknowledged early.
actor AttemptRecorder {
    private let store: any NoticeStore
    private var waiting: [(AttemptResult, CheckedContinuation<Void, any Error>)] = []
    private var isWriting = false

    init(store: any NoticeStore) {
        self.store = store
    }

    /// Stores one result (batched with concurrent ones) and returns once it is committed.
    func record(_ result: AttemptResult) async throws {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append((result, continuation))
            if !isWriting {
                isWriting = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting.removeAll()
            do {
                try await store.recordAttempts(batch.map(\.0))
                batch.forEach { $0.1.resume() }
            } catch {
                batch.forEach { $0.1.resume(throwing: error) }
            }
        }
        isWriting = false
    }
}
