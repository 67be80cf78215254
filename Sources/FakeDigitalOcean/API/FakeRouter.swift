import DigitalOcean
import Foundation

/// Maps a GET path to DO's response body for the current world: list envelopes with pagination
/// and single-object envelopes, in DO's exact JSON shapes.
struct FakeRouter {
    enum Outcome {
        /// JSON that depends only on the world's revision, so it is cached until the next one.
        case body(Data)
        /// JSON that also depends on `now` (balance, invoice preview): never cached.
        case timeDependent(Data)
        /// A CSV download; never cached (it may be corrupted on purpose, once).
        case csv(Data, filename: String)
        /// A DO error status; `message` overrides the catalogue's when DO would be more specific.
        case failure(status: Int, message: String?)
        /// A write's answer: its status (201, 202, 204 …) and body (none for a 204).
        case written(status: Int, body: Data?)
    }

    private var cache: ResponseCache
    let pageBuffers = PageBuffers()
    /// Where the request being routed was sent (`scheme://host:port`): the root of its page links.
    private(set) var origin = FakePaginator.apiRoot
    /// What the request being routed is kept under: its origin and `APIRequest.summary`.
    private var responseKey = ""
    /// One encoder for everything, keys sorted so output never depends on dictionary order.
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(cache: ResponseCache) {
        self.cache = cache
    }

    func encode(_ value: some Encodable) -> Data {
        Self.encode(value, with: encoder)
    }

    private static func encode(_ value: some Encodable, with encoder: JSONEncoder) -> Data {
        do {
            return try encoder.encode(value)
        } catch {
            preconditionFailure("the fake's models always encode: \(error)")
        }
    }

    /// A write, against the world it changes; `origin` roots the links it answers with.
    mutating func routeWrite(_ request: APIRequest, origin: String, world: inout FakeWorld) -> (Outcome, [FakeWorldChange]) {
        self.origin = origin
        return write(request, world: &world)
    }

    /// `csvFaults` are consumed by the CSV downloads they spoil; `origin` roots the page links;
    /// `summary` is the request's (`APIRequest.summary`).
    mutating func route(_ request: APIRequest, summary: String, origin: String, world: FakeWorld,
                        csvFaults: inout CSVFaultPlan) -> Outcome {
        cache.begin(revision: world.revision, world: world)
        self.origin = origin
        guard request.method == "GET" else { return .failure(status: 405, message: nil) }
        responseKey = origin + " " + summary
        if let body = cache.body(for: responseKey) { return .body(body) }
        let outcome = dispatch(request, world: world, csvFaults: &csvFaults)
        if case .body(let body) = outcome { cache.store(body: body, for: responseKey) }
        return outcome
    }

    private mutating func dispatch(_ request: APIRequest, world: FakeWorld, csvFaults: inout CSVFaultPlan) -> Outcome {
        // Split on bytes: `String.split` walks grapheme clusters, a cost every request paid.
        let parts = request.path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        guard parts.first == "v2", parts.count >= 2 else { return .failure(status: 404, message: nil) }
        let rest = Array(parts.dropFirst())
        switch (rest.count, rest[0]) {
        case (1, "droplets"):
            return listDroplets(request, world: world)
        case (2, "droplets"):
            guard let id = Int(rest[1]), let position = world.listPosition(of: id) else { return .failure(status: 404, message: nil) }
            return .body(single(key: "droplet", json: droplets(of: world)[position].json))
        case (1, "reserved_ips"), (1, "floating_ips"):
            let key = rest[0]
            let ips = world.reservedIPs
            return list(request, key: key, total: ips.count) { range, router in ips[range].map { router.encode($0.model(in: world)) } }
        case (2, "reserved_ips"), (2, "floating_ips"):
            guard let reserved = world.reservedIPs.first(where: { $0.ip == rest[1] }) else { return .failure(status: 404, message: nil) }
            return .body(single(key: rest[0] == "reserved_ips" ? "reserved_ip" : "floating_ip", json: encode(reserved.model(in: world))))
        case (3, "reserved_ips") where rest[2] == "actions", (3, "floating_ips") where rest[2] == "actions":
            guard world.reservedIPs.contains(where: { $0.ip == rest[1] }) else { return .failure(status: 404, message: nil) }
            return actions(request, world: world) { $0.resourceType == "reserved_ip" && $0.subject == rest[1] }
        case (_, "droplets") where rest.count >= 3:
            guard let id = Int(rest[1]), let droplet = world.droplets[id] else { return .failure(status: 404, message: nil) }
            return dropletPart(request, droplet, part: Array(rest.dropFirst(2)), world: world)
        case (1, "actions"):
            return actions(request, world: world) { _ in true }
        case (2, "actions"):
            guard let action = world.actions.first(where: { String($0.id) == rest[1] }) else { return .failure(status: 404, message: nil) }
            return .body(single(key: "action", json: encode(action.model)))
        case (1, "account"):
            return account(world: world)
        case (1, "tags"), (2, "tags"):
            return tags(request, name: rest.count == 2 ? rest[1] : nil, world: world)
        case (1, "vpcs"), (2, "vpcs"):
            return vpcs(request, id: rest.count == 2 ? rest[1] : nil, world: world)
        case (1, "images"), (2, "images"):
            return images(request, id: rest.count == 2 ? rest[1] : nil, world: world)
        case (1, "volumes"):
            return listVolumes(request, world: world)
        case (2, "volumes"):
            guard let volume = world.volumes.first(where: { $0.id == rest[1] }) else { return .failure(status: 404, message: nil) }
            return .body(single(key: "volume", json: encode(volume.model)))
        case (3, "volumes") where rest[2] == "snapshots":
            guard world.volumes.contains(where: { $0.id == rest[1] }) else { return .failure(status: 404, message: nil) }
            let taken = world.snapshots.filter { $0.source == .volume(id: rest[1]) }
            return list(request, key: "snapshots", total: taken.count) { range, router in taken[range].map { router.encode($0.model) } }
        case (3, "volumes") where rest[2] == "actions":
            guard world.volumes.contains(where: { $0.id == rest[1] }) else { return .failure(status: 404, message: nil) }
            return actions(request, world: world) { $0.resourceType == "volume" && $0.subject == rest[1] }
        case (1, "snapshots"), (2, "snapshots"):
            return snapshots(request, id: rest.count == 2 ? rest[1] : nil, world: world)
        case (1, "firewalls"):
            let firewalls = world.firewalls
            return list(request, key: "firewalls", total: firewalls.count) { range, router in firewalls[range].map { router.encode($0.model) } }
        case (2, "firewalls"):
            guard let firewall = world.firewalls.first(where: { $0.id == rest[1] }) else { return .failure(status: 404, message: nil) }
            return .body(single(key: "firewall", json: encode(firewall.model)))
        case (1, "load_balancers"):
            let balancers = world.loadBalancers
            return list(request, key: "load_balancers", total: balancers.count) { range, router in
                balancers[range].map { router.encode($0.model(projectID: world.projectIDByURN[$0.urn])) }
            }
        case (2, "load_balancers"):
            guard let balancer = world.loadBalancers.first(where: { $0.id == rest[1] }) else { return .failure(status: 404, message: nil) }
            return .body(single(key: "load_balancer", json: encode(balancer.model(projectID: world.projectIDByURN[balancer.urn]))))
        case (1, "domains"):
            let domains = world.sortedDomains
            return list(request, key: "domains", total: domains.count) { range, router in domains[range].map { router.encode($0.model) } }
        case (2, "domains"):
            guard let domain = world.domains[rest[1]] else { return .failure(status: 404, message: nil) }
            return .body(single(key: "domain", json: encode(domain.model)))
        case (3, "domains") where rest[2] == "records", (4, "domains") where rest[2] == "records":
            guard let domain = world.domains[rest[1]] else { return .failure(status: 404, message: nil) }
            return domainRecords(request, domain: domain, id: rest.count == 4 ? rest[3] : nil)
        case (1, "projects"):
            let projects = world.projects
            return list(request, key: "projects", total: projects.count) { range, router in
                projects[range].map { router.projectJSON($0.model(ownerUUID: world.ownerUUID, ownerID: world.ownerID)) }
            }
        case (2, "projects") where rest[1] == "default" && world.defaultProject == nil:
            return defaultProject(world: world)
        case (3, "projects") where rest[1] == "default" && rest[2] == "resources" && world.defaultProject == nil:
            return list(request, key: "resources", total: 0) { _, _ in [] }
        case (2, "projects"):
            guard let project = world.project(id: rest[1]) else { return .failure(status: 404, message: nil) }
            return .body(single(key: "project", json: encode(project.model(ownerUUID: world.ownerUUID, ownerID: world.ownerID))))
        case (3, "projects") where rest[2] == "resources":
            guard let project = world.project(id: rest[1]) else { return .failure(status: 404, message: nil) }
            return list(request, key: "resources", total: project.resources.count) { range, router in
                Array(router.assignmentFragments(project)[range])
            }
        case (1, "sizes"):
            return list(request, key: "sizes", total: world.sizes.count) { range, router in
                world.sizes[range].map { router.encode(SizeCatalogue.listingModel($0)) }
            }
        case (_, "customers") where rest.count >= 3 && rest[1] == "my":
            return billing(request, Array(rest.dropFirst(2)), world: world, csvFaults: &csvFaults)
        case (1, "regions"):
            return list(request, key: "regions", total: RegionCatalogue.all.count) { range, router in
                RegionCatalogue.all[range].map { router.encode(RegionCatalogue.model($0)) }
            }
        default:
            return .failure(status: 404, message: nil)
        }
    }

    /// `GET /v2/droplets`, ascending id like DO, filtered as DO's description says: `tag_name`,
    /// `name` (exact, case-insensitive) and `type` (`droplets`, or `gpus`: the fake sells no GPU
    /// size, so none). The filters given are kept in the page links.
    private mutating func listDroplets(_ request: APIRequest, world: FakeWorld) -> Outcome {
        var listed = droplets(of: world)
        var filters: [QueryItem] = []
        if let tag = request.queryValue("tag_name") {
            listed = listed.filter { world.droplets[$0.id]!.tags.contains(tag) }
            filters.append(QueryItem("tag_name", tag))
        }
        if let name = request.queryValue("name") {
            let wanted = name.lowercased()
            listed = listed.filter { world.droplets[$0.id]!.name.lowercased() == wanted }
            filters.append(QueryItem("name", name))
        }
        if let type = request.queryValue("type") {
            guard type == "droplets" || type == "gpus" else { return .failure(status: 400, message: "type must be droplets or gpus") }
            if type == "gpus" { listed = [] }
            filters.append(QueryItem("type", type))
        }
        return list(request, key: "droplets", total: listed.count, filters: filters) { range, _ in listed[range].map(\.json) }
    }

    /// `GET /v2/actions` and a resource's own action list: the newest first, as DO lists them.
    mutating func actions(_ request: APIRequest, world: FakeWorld, _ include: (FakeAction) -> Bool) -> Outcome {
        let actions = world.actions.reversed().filter(include)
        return list(request, key: "actions", total: actions.count) { range, router in actions[range].map { router.encode($0.model) } }
    }

    /// `GET /v2/volumes`, in creation order, filtered by DO's `name` (exact) and `region`.
    private mutating func listVolumes(_ request: APIRequest, world: FakeWorld) -> Outcome {
        var volumes = world.volumes
        var filters: [QueryItem] = []
        if let name = request.queryValue("name") {
            volumes = volumes.filter { $0.name == name }
            filters.append(QueryItem("name", name))
        }
        if let region = request.queryValue("region") {
            volumes = volumes.filter { $0.region.slug == region }
            filters.append(QueryItem("region", region))
        }
        return list(request, key: "volumes", total: volumes.count, filters: filters) { range, router in volumes[range].map { router.encode($0.model) } }
    }

    /// A page of a list envelope; `extras` are further top-level members placed after the items
    /// (the invoice list's `invoice_preview`).
    mutating func list(_ request: APIRequest, key: String, total: Int, filters: [QueryItem] = [], extras: [(String, Data)] = [],
                       fragments: (Range<Int>, inout FakeRouter) -> [Data]) -> Outcome {
        guard let page = PageRequest(query: request.query) else {
            return .failure(status: 400, message: "page and per_page must be positive integers")
        }
        let links = encode(FakePaginator.links(total: total, page, root: origin, path: request.path, filters: filters))
        let items = fragments(FakePaginator.range(total: total, page), &self)
        let parts = PageParts(fragments: items, extras: extras, links: links, total: total)
        let buffers = pageBuffers
        return .body(cache.page(for: responseKey, parts: parts) {
            FakePaginator.body(key: key, fragments: items, extras: extras, links: links, total: total, buffers: buffers)
        })
    }

    /// Every live droplet's JSON, ids ascending (DO's listing order): parallel to `world.dropletOrder`.
    private mutating func droplets(of world: FakeWorld) -> [(id: Int, version: UInt64, json: Data)] {
        cache.droplets(of: world, encoder: encoder)
    }

    private mutating func projectJSON(_ project: Project) -> Data {
        let encoder = self.encoder
        return cache.json(for: project) { Self.encode($0, with: encoder) }
    }

    private mutating func assignmentFragments(_ project: FakeProject) -> [Data] {
        let encoder = self.encoder
        return cache.fragments(of: project) { Self.encode($0.model, with: encoder) }
    }

    mutating func backupFragments(_ droplet: FakeDroplet) -> [Data] {
        let encoder = self.encoder
        return cache.fragments(ofBackupsOf: droplet) { Self.encode($0.model, with: encoder) }
    }

    func single(key: String, json: Data) -> Data {
        var body = Data("{\"\(key)\":".utf8)
        body.append(json)
        body.append(UInt8(ascii: "}"))
        return body
    }
}
