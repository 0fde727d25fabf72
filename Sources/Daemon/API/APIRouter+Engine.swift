import Foundation
import Hummingbird

extension APIRouter {
    /// The notice states `GET /api/v1/notices?state=` accepts (the delivery store's `NoticeState` values).
    public static let noticeStates: Set<String> = [
        "pending", "deferred", "sending", "delivered", "failed", "dead", "suppressed", "cancelled",
    ]

    /// Occurrences (engine) and notices, suppressions, inbound SMS and DLRs (store/dispatcher): 501 until wired.
    static func addEngineRoutes(to api: RouterGroup<APIRequestContext>, _ dependencies: APIDependencies) {
        api.get("occurrences") { _, _ in
            guard let engine = dependencies.engine else { throw APIError.notImplemented("the contingency engine") }
            return try JSONReply.make(["occurrences": try await engine.upcoming(at: dependencies.now())])
        }
        api.get("notices") { request, _ in
            let state = request.uri.queryParameters.get("state")
            if let state, !noticeStates.contains(state) {
                throw APIError(
                    .badRequest, "state: '\(state)' is not one of \(noticeStates.sorted().joined(separator: ", "))")
            }
            return try JSONReply.make(["notices": try await desk(dependencies).notices(state: state)])
        }
        api.post("notices/:id/replay") { _, context in
            let id = try context.parameters.require("id")
            do {
                guard try await desk(dependencies).replay(id: id) else {
                    throw APIError(.notFound, "no notice with id '\(id)'")
                }
            } catch let conflict as NoticeDeskConflict {
                throw APIError(.conflict, conflict.message)
            }
            return try JSONReply.make(["replayed": id], status: .accepted)
        }
        api.post("suppressions") { request, context in
            let suppression = try await JSONReply.decode(Suppression.self, from: request, context: context)
            try validate(suppression)
            try await desk(dependencies).suppress(suppression)
            return try JSONReply.make(["suppressed": true], status: .created)
        }
        api.delete("suppressions") { request, context in
            let suppression = try await JSONReply.decode(Suppression.self, from: request, context: context)
            try validate(suppression)
            guard try await desk(dependencies).lift(suppression) else {
                throw APIError(.notFound, "no suppression for that address and channel")
            }
            return try JSONReply.make(["lifted": true])
        }
        api.post("inbound/sms") { request, context in
            let (message, form) = try await InboundMessage.read(from: request, context: context)
            return try await receive(message, form, dependencies)
        }
        api.post("inbound/kannel") { request, context in
            try await receive(
                try await InboundMessage.readKannel(from: request, context: context), .kannel, dependencies)
        }
        api.get("dlr") { request, _ in
            var parameters: [String: String] = [:]
            for (key, value) in request.uri.queryParameters where key != "access_token" {
                parameters[String(key)] = String(value)
            }
            guard parameters["id"]?.isEmpty == false, let status = parameters["status"].flatMap({ Int($0) }),
                (0...65_535).contains(status)
            else {
                throw APIError(.badRequest, "query: id and a numeric status are required (dlr-url ...?id=%I&status=%d)")
            }
            try await desk(dependencies).deliveryReport(parameters)
            return try JSONReply.make(["recorded": true])
        }
    }

    /// Hands an inbound message to the desk; gateways other than JSON callers get an empty answer.
    private static func receive(
        _ message: InboundMessage, _ form: InboundForm, _ dependencies: APIDependencies
    ) async throws -> Response {
        guard !message.from.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError(.badRequest, "from: the sender's number is required")
        }
        try await desk(dependencies).receive(message)
        guard form.answersWithJSON else {
            return Response(status: .accepted, headers: [.contentType: "text/plain; charset=utf-8"])
        }
        return try JSONReply.make(["received": true], status: .accepted)
    }

    private static func desk(_ dependencies: APIDependencies) throws -> any NoticeDesk {
        guard let desk = dependencies.desk else { throw APIError.notImplemented("the notice store and dispatcher") }
        return desk
    }

    private static func validate(_ suppression: Suppression) throws {
        guard !suppression.address.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError(.badRequest, "address: a phone number, e-mail or receiver name is required")
        }
    }
}
