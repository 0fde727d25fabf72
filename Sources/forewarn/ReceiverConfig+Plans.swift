import Delivery
import Foundation
import Plans

/// Bridges the plan language's receiver definitions to the delivery layer's receiver configurations.
extension ReceiverConfig {
    /// The delivery configuration a plan's receiver describes; `audiences` tells whether SMS texts transliterate.
    init(plan definition: ReceiverDefinition, transliterates: Bool = false) throws {
        let kind: ReceiverKind
        switch definition.kind {
        case .webhook(let url, let secret, let body, let headers):
            let template = try body.map {
                try LocalizedTemplate(sources: ["en": $0], fallbackLocale: "en", target: .json)
            }
            kind = .webhook(
                WebhookReceiver(
                    url: url, secretNames: [secret?.name].compactMap { $0 }, bodyTemplate: template,
                    headers: headers.compactMap { name, value in
                        if case .text(let text) = value { (name, text) } else { nil }
                    }))
        case .kannel(let url, let username, let password, let from, _, let reports):
            kind = .kannel(
                KannelReceiver(
                    sendsmsURL: url, username: username, passwordSecret: password.name, from: from,
                    deliveryReportURL: reports.map { $0 + "/api/v1/dlr" }, transliterates: transliterates))
        case .twilioForm(let url, let account, let token, let from, let callback):
            kind = .twilio(
                TwilioReceiver(
                    url: url, accountID: account, tokenSecret: token.name, from: from, statusCallback: callback,
                    transliterates: transliterates))
        case .form(let url, let method, let fields, let auth):
            let to = fields.first { $0.value.contains("{{to}}") }?.key ?? "to"
            let text = fields.first { $0.value.contains("{{text}}") }?.key ?? "text"
            let rest = fields.filter { $0.key != to && $0.key != text }.sorted { $0.key < $1.key }.map {
                ($0.key, $0.value)
            }
            kind = .form(
                FormReceiver(
                    url: url, method: method, toField: to, textField: text, staticFields: rest,
                    authorizationSecret: auth?.name))
        }
        self.init(
            name: definition.name, kind: kind, maximumConcurrency: definition.concurrency,
            ratePerSecond: definition.rate,
            connectTimeout: .milliseconds(Int(definition.connectTimeout.seconds * 1_000)),
            totalTimeout: .milliseconds(Int(definition.timeout.seconds * 1_000)),
            retry: RetrySchedule(delays: definition.retrySchedule.map { .milliseconds(Int($0.seconds * 1_000)) }),
            fallback: definition.fallback)
    }
}
