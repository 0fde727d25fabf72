import Foundation
import Testing

@testable import Delivery

final class InFlightCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var peak = 0
    private(set) var total = 0
    func enter() {
        lock.withLock {
            current += 1; total += 1; peak = max(peak, current)
        }
    }
    func leave() { lock.withLock { current -= 1 } }
}

@Suite struct ReceiverGateTests {
    @Test func neverLetsMoreThanTheCapacityInFlight() async {
        let gate = ReceiverGate(capacity: 3, ratePerSecond: nil)
        let counter = InFlightCounter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    await gate.acquire()
                    counter.enter()
                    try? await Task.sleep(for: .milliseconds(5))
                    counter.leave()
                    await gate.release()
                }
            }
        }
        #expect(counter.total == 12)
        #expect(counter.peak <= 3)
        #expect(counter.peak >= 1)
    }
}
