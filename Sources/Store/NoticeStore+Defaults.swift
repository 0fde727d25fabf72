import Foundation

/// Defaults for the requirements added after the first `NoticeStore` implementations, so they keep compiling.
///
/// A store that does not override them still works: inserts are one transaction each, delivery reports are
/// refused with an error (the caller logs them), and a disabled receiver stays disabled only in the process.
extension NoticeStore {
    /// Inserts one notice after the other (one transaction each).
    public func insert(contentsOf notices: [NoticeRecord]) async throws -> [InsertOutcome] {
        var outcomes: [InsertOutcome] = []
        outcomes.reserveCapacity(notices.count)
        for notice in notices { outcomes.append(try await insert(notice)) }
        return outcomes
    }

    /// Refuses: this store keeps no delivery reports.
    public func recordDeliveryReport(_ report: DeliveryReport) async throws -> Bool {
        throw StoreError("\(Self.self) does not store delivery reports; the report for \(report.noticeID) is lost")
    }

    /// None: this store does not persist disabled receivers.
    public func disabledReceivers() async throws -> [DisabledReceiver] { [] }

    /// Does nothing: the dispatcher still disables the receiver for the rest of the process.
    public func disableReceiver(_ receiver: DisabledReceiver) async throws {}

    /// Nothing to re-enable: this store does not persist disabled receivers.
    public func enableReceiver(name: String) async throws -> Bool { false }
}
