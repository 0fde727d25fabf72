import Foundation
import Hummingbird

extension APIRouter {
    /// `GET /api/v1/instances`: the instances sharing the store, leader first.
    static func addInstanceRoutes(to api: RouterGroup<APIRequestContext>, _ dependencies: APIDependencies) {
        api.get("instances") { _, _ in
            let now = dependencies.now()
            let list: [InstanceStatus]
            do { list = try await dependencies.instances.instances(at: now) } catch {
                throw APIError(.serviceUnavailable, "cannot read the instances from the store: \(error)")
            }
            return try JSONReply.make(InstancesReply(instance: dependencies.instances.instanceID, instances: list))
        }
    }

    struct InstancesReply: Encodable {
        /// The instance that answered.
        var instance: String
        var instances: [InstanceStatus]
    }
}
