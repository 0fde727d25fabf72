import Foundation
import Store

/// What a dispatcher does beyond sending: transliteration per audience, owner alerts, metrics.
public struct DispatcherOptions: Sendable {
    /// Audiences whose SMS texts are transliterated to GSM-7 (á→a, keeping ñ), as `transliterate:` asks.
    public var transliteratedAudiences: Set<String>
    /// The staff notices that tell plan owners a receiver was disabled (410); submitted by the dispatcher.
    public var ownerAlerts: @Sendable (DisabledReceiver) -> [NoticeSubmission]
    /// Where the delivery metrics go.
    public var metrics: DeliveryMetrics

    /// Creates options; by default no transliteration, no owner alerts, metrics to the global backend.
    public init(
        transliteratedAudiences: Set<String> = [],
        ownerAlerts: @escaping @Sendable (DisabledReceiver) -> [NoticeSubmission] = { _ in [] },
        metrics: DeliveryMetrics = DeliveryMetrics()
    ) {
        self.transliteratedAudiences = transliteratedAudiences
        self.ownerAlerts = ownerAlerts
        self.metrics = metrics
    }
}
