import Daemon
import Foundation

/// A NoticeDesk that records calls, standing in for the store (issue 5).
actor RecordingDesk: NoticeDesk {
    var suppressions: [Suppression] = []
    var inbound: [InboundMessage] = []
    var reports: [[String: String]] = []
    /// When set, `replay` refuses with this conflict (a notice still waiting to be sent).
    let replayConflict: String?

    init(replayConflict: String? = nil) { self.replayConflict = replayConflict }

    func notices(state: String?) async throws -> [NoticeSummary] {
        [
            NoticeSummary(
                id: "n1", planID: "queue-surge", receiver: "test-webhook", state: state ?? "pending",
                createdAt: APIFixture.now)
        ]
    }
    func pendingCount() async -> Int { 1 }
    func replay(id: String) async throws -> Bool {
        if let replayConflict { throw NoticeDeskConflict(replayConflict) }
        return id == "n1"
    }
    func suppress(_ suppression: Suppression) async throws { suppressions.append(suppression) }
    func lift(_ suppression: Suppression) async throws -> Bool {
        let before = suppressions.count
        suppressions.removeAll { $0.address == suppression.address }
        return suppressions.count < before
    }
    func receive(_ message: InboundMessage) async throws { inbound.append(message) }
    func deliveryReport(_ parameters: [String: String]) async throws { reports.append(parameters) }
}
