/// A one-shot gate: services wait on it until the API is bound (READY=1 must not come earlier).
public actor ReadinessGate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a closed gate.
    public init() {}

    /// Opens the gate and releases every waiter; later calls do nothing.
    public func open() {
        guard !isOpen else { return }
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }

    /// Whether the gate is open.
    public var opened: Bool { isOpen }

    /// Suspends until the gate opens.
    public func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}
