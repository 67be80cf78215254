import DigitalOcean
import Foundation

/// `GET /v2/snapshots` (optionally `?resource_type=droplet|volume`, kept in the page links) and
/// `GET /v2/snapshots/{id}`, where `{id}` is the droplet snapshot's number or the volume
/// snapshot's UUID.
extension FakeRouter {
    mutating func snapshots(_ request: APIRequest, id: String?, world: FakeWorld) -> Outcome {
        if let id {
            guard let snapshot = world.snapshots.first(where: { $0.id == id }) else { return .failure(status: 404, message: nil) }
            return .body(single(key: "snapshot", json: encode(snapshot.model)))
        }
        let type = request.queryValue("resource_type")
        if let type, type != "droplet", type != "volume" {
            return .failure(status: 400, message: "resource_type must be droplet or volume")
        }
        let listed = type.map { type in world.snapshots.filter { $0.resourceType == type } } ?? world.snapshots
        return list(request, key: "snapshots", total: listed.count, filters: type.map { [QueryItem("resource_type", $0)] } ?? []) {
            range, router in listed[range].map { router.encode($0.model) }
        }
    }
}
