import Foundation
import Hummingbird
import Signals

/// Builds the HTTP API router (the routes `openapi.yaml` describes).
public enum APIRouter {
    /// Every route, as `METHOD /path` with `{param}` placeholders as in openapi.yaml (checked by a test).
    public static let routes: [String] = [
        "GET /healthz", "GET /readyz", "GET /metrics",
        "GET /api/v1/signals", "POST /api/v1/signals/{name}",
        "GET /api/v1/occurrences", "GET /api/v1/notices", "POST /api/v1/notices/{id}/replay",
        "POST /api/v1/suppressions", "DELETE /api/v1/suppressions",
        "POST /api/v1/inbound/sms", "POST /api/v1/inbound/kannel", "GET /api/v1/dlr", "GET /api/v1/instances",
    ]

    /// The router over `dependencies`.
    public static func make(_ dependencies: APIDependencies) -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.middlewares.add(APIErrorMiddleware())
        addOpenRoutes(to: router, dependencies)
        let api = router.group("api/v1").add(middleware: BearerTokenMiddleware(token: dependencies.token))
        addSignalRoutes(to: api, dependencies)
        addEngineRoutes(to: api, dependencies)
        addInstanceRoutes(to: api, dependencies)
        return router
    }

    /// Health, readiness and metrics: never guarded.
    static func addOpenRoutes(to router: Router<APIRequestContext>, _ dependencies: APIDependencies) {
        router.get("healthz") { _, _ in try JSONReply.make(["status": "ok"]) }
        router.get("readyz") { _, _ in
            guard await dependencies.readiness.opened else {
                throw APIError(.serviceUnavailable, "not ready yet: the API is starting")
            }
            let plans = await dependencies.plans.current.plans.count
            return try JSONReply.make(ReadyReply(status: "ready", plans: plans))
        }
        router.get("metrics") { _, _ in
            let instances = dependencies.instances
            dependencies.metrics.recordLeadership(
                instance: instances.instanceID, leads: instances.leads(at: dependencies.now()))
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: dependencies.metrics.render()))
            )
        }
    }

    /// Signal listing and push.
    static func addSignalRoutes(to api: RouterGroup<APIRequestContext>, _ dependencies: APIDependencies) {
        api.get("signals") { _, _ in
            let monitor = dependencies.monitor
            let now = dependencies.now()
            var list: [SignalReply] = []
            for name in await monitor.signalNames {
                let status = await monitor.status(of: name)
                list.append(
                    SignalReply(
                        name: name, health: "\(await monitor.health(of: name, at: now))",
                        source: await monitor.definition(of: name)?.source.kindName ?? "unknown",
                        lastValue: status?.lastGood.map { "\($0.value)" }, lastTime: status?.lastGood?.time))
            }
            return try JSONReply.make(["signals": list])
        }
        api.post("signals/:name") { request, context in
            let name = try context.parameters.require("name")
            let body = try await JSONReply.decode(
                SignalPushBody.self, from: request, context: context, decoder: SignalPushBody.decoder())
            guard !body.samples.isEmpty else { throw APIError(.badRequest, "samples: give at least one value") }
            do {
                let report = try await dependencies.monitor.accept(
                    samples: body.readings, for: name, at: dependencies.now())
                // 422 only when every value was rejected; duplicates of a retried push are ignored, not errors.
                let allRejected = report.accepted == 0 && !report.rejected.isEmpty
                return try JSONReply.make(SignalPushReply(report), status: allRejected ? .unprocessableContent : .ok)
            } catch let error as PushError {
                let known = await dependencies.monitor.definition(of: name) != nil
                throw APIError(known ? .conflict : .notFound, error.message)
            }
        }
    }

    struct ReadyReply: Encodable {
        var status: String
        var plans: Int
    }

    struct SignalReply: Encodable {
        var name: String
        var health: String
        var source: String
        var lastValue: String?
        var lastTime: Date?
    }
}
