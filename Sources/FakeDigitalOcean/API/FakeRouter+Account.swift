import DigitalOcean
import Foundation

/// `GET /v2/account`, `/v2/tags[/{name}]`, `/v2/vpcs[/{id}]` and `/v2/projects/default`: what a
/// client reads before it provisions anything, in the shapes of DO's OpenAPI description.
extension FakeRouter {
    func account(world: FakeWorld) -> Outcome {
        .body(single(key: "account", json: encode(AccountModel(uuid: world.ownerUUID))))
    }

    mutating func tags(_ request: APIRequest, name: String?, world: FakeWorld) -> Outcome {
        let tags = Self.tagSummaries(world)
        if let name {
            guard let tag = tags.first(where: { $0.name == name }) else { return .failure(status: 404, message: nil) }
            return .body(single(key: "tag", json: encode(tag)))
        }
        return list(request, key: "tags", total: tags.count) { range, router in tags[range].map { router.encode($0) } }
    }

    mutating func vpcs(_ request: APIRequest, id: String?, world: FakeWorld) -> Outcome {
        let vpcs = world.vpcByRegion.values.sorted { ($0.createdAt, $0.region.slug) < ($1.createdAt, $1.region.slug) }
        if let id {
            guard let vpc = vpcs.first(where: { $0.id == id }) else { return .failure(status: 404, message: nil) }
            return .body(single(key: "vpc", json: encode(vpc.model)))
        }
        return list(request, key: "vpcs", total: vpcs.count) { range, router in vpcs[range].map { router.encode($0.model) } }
    }

    /// DO always has a default project. While a scenario has none marked default, the fake shows
    /// the one it would make on demand (`Default`, empty), under an id fixed by the account, without
    /// making it: a read never changes the world. It joins `/v2/projects` once something lands in it.
    func defaultProject(world: FakeWorld) -> Outcome {
        let project = world.defaultProject ?? FakeProject(
            id: DeterministicFormat.uuid(SeededGenerator.mix(world.ownerUUID.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }),
                                         SeededGenerator.mix(UInt64(world.ownerID))),
            name: FakeWorld.impliedDefaultProject, description: "Default project", purpose: "Just trying out DigitalOcean",
            environment: "Development", isDefault: true, createdAt: world.start, updatedAt: world.start)
        return .body(single(key: "project", json: encode(project.model(ownerUUID: world.ownerUUID, ownerID: world.ownerID))))
    }

    /// Every tag created on its own or on a live droplet or volume, by name, with DO's per-kind counts and the URI of the
    /// last resource tagged (the fake's listing order stands in for tagging order).
    static func tagSummaries(_ world: FakeWorld) -> [TagModel] {
        var droplets: [String: [String]] = [:]
        var volumes: [String: [String]] = [:]
        for id in world.dropletOrder {
            let droplet = world.droplets[id]!
            for tag in droplet.tags { droplets[tag, default: []].append(droplet.selfURL) }
        }
        for volume in world.volumes {
            for tag in volume.tags { volumes[tag, default: []].append(volume.selfURL) }
        }
        return Set(droplets.keys).union(volumes.keys).union(world.createdTags).sorted().map { name in
            let onDroplets = droplets[name] ?? [], onVolumes = volumes[name] ?? []
            return TagModel(name: name, resources: .init(
                count: onDroplets.count + onVolumes.count, lastTaggedURI: onVolumes.last ?? onDroplets.last,
                droplets: .init(onDroplets), images: .init([]), volumes: .init(onVolumes), volumeSnapshots: .init([]),
                databases: .init([])))
        }
    }
}

/// DO's account object. The fake enforces no limits, so it reports generous ones.
struct AccountModel: Encodable {
    let dropletLimit = 10_000
    let floatingIPLimit = 1_000
    let volumeLimit = 1_000
    let email = "fake-do@arcadia.invalid"
    let name = "arcadia fake"
    let uuid: String
    let emailVerified = true
    let status = "active"
    let statusMessage = ""

    enum CodingKeys: String, CodingKey {
        case email, name, uuid, status
        case dropletLimit = "droplet_limit"
        case floatingIPLimit = "floating_ip_limit"
        case volumeLimit = "volume_limit"
        case emailVerified = "email_verified"
        case statusMessage = "status_message"
    }
}

/// DO's tag object: `resources` counts what carries the tag, overall and per kind.
struct TagModel: Encodable {
    struct Kind: Encodable {
        let count: Int
        let lastTaggedURI: String?

        init(_ uris: [String]) {
            count = uris.count
            lastTaggedURI = uris.last
        }

        enum CodingKeys: String, CodingKey {
            case count
            case lastTaggedURI = "last_tagged_uri"
        }
    }

    struct Resources: Encodable {
        let count: Int
        let lastTaggedURI: String?
        let droplets: Kind
        let images: Kind
        let volumes: Kind
        let volumeSnapshots: Kind
        let databases: Kind

        enum CodingKeys: String, CodingKey {
            case count, droplets, images, volumes, databases
            case lastTaggedURI = "last_tagged_uri"
            case volumeSnapshots = "volume_snapshots"
        }
    }

    let name: String
    let resources: Resources
}
