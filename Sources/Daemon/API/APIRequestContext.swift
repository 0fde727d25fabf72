import Hummingbird

/// The request context of the API: the default one with a small body limit.
public struct APIRequestContext: RequestContext {
    /// The largest request body accepted, in bytes (bigger ones get 413).
    public static let maximumBodyBytes = 256 * 1024

    /// Hummingbird's core storage.
    public var coreContext: CoreRequestContextStorage

    /// Creates a context for one request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The body limit Hummingbird enforces when collecting or decoding bodies.
    public var maxUploadSize: Int { Self.maximumBodyBytes }
}
