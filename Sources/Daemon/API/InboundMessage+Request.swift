import Foundation
import Hummingbird

/// The shapes in which SMS gateways post a mobile-originated message (`/api/v1/inbound/sms` and `/inbound/kannel`).
enum InboundForm: Equatable {
    /// `application/json`: `{"from", "text", "receiver"}`.
    case json
    /// Kannel's `post-url` (`/api/v1/inbound/kannel`): the text as the body, `from=%p` and `receiver=` in the query.
    case kannel
    /// A Twilio-style form: `From`, `Body` (and `receiver=` in the query).
    case form

    /// Gateways that send the answer's body back to the phone (Kannel's sms-service does unless `max-messages = 0`)
    /// get an empty answer: only JSON callers get a JSON one.
    var answersWithJSON: Bool { self == .json }
}

extension InboundMessage {
    /// Reads a JSON or form message (by `Content-Type`; `receiver=` in the query when the body has none).
    static func read(from request: Request, context: some RequestContext) async throws -> (InboundMessage, InboundForm)
    {
        let receiver = receiverParameter(of: request)
        let type = request.headers[.contentType]?.lowercased() ?? "application/json"
        if type.hasPrefix("application/x-www-form-urlencoded") {
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            let body = String(decoding: buffer.readableBytesView, as: UTF8.self)
            // Form encoding writes spaces as "+" (a literal plus is %2B); other fields are ignored, the first wins.
            let fields = URLComponents(string: "?" + body.replacingOccurrences(of: "+", with: "%20"))?.queryItems ?? []
            let field = { (name: String) in fields.first { $0.name == name }?.value }
            guard let from = field("From") else {
                throw APIError(.badRequest, "body: a form message needs From (the sender) and Body (the text)")
            }
            return (InboundMessage(from: from, text: field("Body") ?? "", receiver: receiver), .form)
        }
        var message = try await JSONReply.decode(InboundMessage.self, from: request, context: context)
        if message.receiver?.isEmpty == true { throw APIError(.badRequest, "receiver: a name, or leave it out") }
        message.receiver = message.receiver ?? receiver
        return (message, .json)
    }

    /// Reads Kannel's sms-service `post-url` request: the text is the body, the sender (`%p`) and the receiver are
    /// in the query (`/api/v1/inbound/kannel?from=%p&receiver=NAME`).
    static func readKannel(from request: Request, context: some RequestContext) async throws -> InboundMessage {
        let query = request.uri.queryParameters
        guard let from = query.get("from").map({ String($0) }) else {
            throw APIError(.badRequest, "from: the sender belongs in the query (Kannel: post-url = \"...?from=%p\")")
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "body: the message text is required") }
        let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
        return InboundMessage(from: from, text: text, receiver: receiverParameter(of: request))
    }

    /// The `receiver=` query parameter, nil when absent or empty.
    private static func receiverParameter(of request: Request) -> String? {
        request.uri.queryParameters.get("receiver").flatMap { $0.isEmpty ? nil : String($0) }
    }
}
