extension SignalMonitor {
    /// Calls `observer` with the signal's name each time a new sample of it is stored, polled or pushed
    /// (the daemon evaluates its plans then instead of waiting for the next tick). Keep `observer` quick.
    public func onNewSample(_ observer: @escaping @Sendable (String) -> Void) {
        sampleObservers.append(observer)
    }
}
