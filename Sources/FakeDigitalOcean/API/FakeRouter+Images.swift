import DigitalOcean
import Foundation

/// `GET /v2/images[/{id or slug}]`: the one distribution image the fake's droplets boot from, then
/// the account's droplet snapshots and backups (private images), with DO's `type`, `private` and
/// `tag_name` filters (kept in the page links).
extension FakeRouter {
    mutating func images(_ request: APIRequest, id: String?, world: FakeWorld) -> Outcome {
        let all = Self.images(world)
        if let id {
            guard let image = all.first(where: { String($0.id) == id || ($0.slug != nil && $0.slug == id) }) else {
                return .failure(status: 404, message: nil)
            }
            return .body(single(key: "image", json: encode(image)))
        }
        var listed = all
        var filters: [QueryItem] = []
        if let type = request.queryValue("type") {
            guard type == "distribution" || type == "application" else {
                return .failure(status: 400, message: "type must be distribution or application")
            }
            listed = listed.filter { $0.isPublic && type == "distribution" }
            filters.append(QueryItem("type", type))
        }
        if let isPrivate = request.queryValue("private") {
            if isPrivate == "true" { listed = listed.filter { !$0.isPublic } }
            filters.append(QueryItem("private", isPrivate))
        }
        if let tag = request.queryValue("tag_name") {
            listed = listed.filter { $0.tags?.contains(tag) == true }
            filters.append(QueryItem("tag_name", tag))
        }
        return list(request, key: "images", total: listed.count, filters: filters) { range, router in listed[range].map { router.encode($0) } }
    }

    /// The distribution image, then droplet snapshots in creation order, then backups by droplet.
    static func images(_ world: FakeWorld) -> [Image] {
        let snapshots = world.snapshots.filter { $0.resourceType == "droplet" }.map { snapshot in
            Image(id: Int(snapshot.id) ?? 0, name: snapshot.name, distribution: BaseImage.model.distribution, slug: nil, isPublic: false,
                  regions: [snapshot.region.slug], createdAt: snapshot.createdAt.iso8601, type: "snapshot",
                  minDiskSize: snapshot.minDiskSize, sizeGigabytes: ImageSizes.gigabytes(centi: snapshot.sizeCentiGB),
                  description: "", tags: [], status: "available", errorMessage: "")
        }
        let backups = world.dropletOrder.flatMap { world.droplets[$0]!.backups.map(\.model) }
        return [BaseImage.model] + snapshots + backups
    }
}
