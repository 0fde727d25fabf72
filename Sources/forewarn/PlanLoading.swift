import Plans

/// The one loader configuration that `check`, `run` and every other command share.
enum PlanLoading {
    /// A loader with every check the lower layers provide.
    static func makeLoader() -> PlanLoader {
        PlanLoader()
    }
}
