import DigitalOcean
import Foundation

/// Writes to volumes, domains, tags, reserved IPs and project membership (`FakeRouter+Writes`).
extension FakeRouter {
    /// `POST /v2/volumes` (201 + volume), `POST /v2/volumes/{id}/actions` (`attach`/`detach`,
    /// 202 + action), `POST /v2/volumes/{id}/snapshots` (201 + snapshot), `DELETE /v2/volumes/{id}` (204).
    mutating func volumeWrite(_ method: String, _ rest: [String], _ body: WriteBody, world: inout FakeWorld,
                              changes: inout [FakeWorldChange]) throws -> Outcome {
        if rest.count == 1 {
            let name = try body.string("name"), size = try body.int("size_gigabytes"), region = try body.string("region")
            let tags = try body.strings("tags")
            try world.createVolume(name: name, sizeGB: size, region: region, tags: tags, project: nil)
            changes.append(.createVolume(name: name, sizeGB: size, region: region, tags: tags))
            return .written(status: 201, body: single(key: "volume", json: encode(world.volumes.last!.model)))
        }
        guard let volume = world.volumes.first(where: { $0.id == rest[1] }) else { throw WriteRefusal.notFound }
        if method == "DELETE" {
            try world.deleteVolume(name: volume.name)
            changes.append(.deleteVolume(name: volume.name))
            return .written(status: 204, body: nil)
        }
        if rest[2] == "snapshots" {
            let name = try body.string("name")
            let id = try world.takeVolumeSnapshot(volume: volume.name, name: name)
            changes.append(.snapshotVolume(volume: volume.name, name: name))
            return .written(status: 201, body: single(key: "snapshot", json: encode(world.snapshots.first { $0.id == id }!.model)))
        }
        guard rest[2] == "actions" else { return .failure(status: 404, message: nil) }
        let type = try body.string("type")
        switch type {
        case "attach":
            let droplet = try pathDroplet(String(try body.int("droplet_id")), world: world)
            try world.attachVolume(name: volume.name, toDroplet: droplet.name)
            changes.append(.attachVolume(name: volume.name, droplet: droplet.name))
        case "detach":
            try world.detachVolume(name: volume.name)
            changes.append(.detachVolume(name: volume.name))
        default:
            throw WriteRefusal("the fake does not perform volume action '\(type)' (see docs/fake-do-coverage.md)")
        }
        let action = world.recordAction(type: "\(type)_volume", resourceID: 0, resourceType: "volume", subject: volume.id, region: volume.region)
        return .written(status: 202, body: single(key: "action", json: encode(action.model)))
    }

    /// `POST /v2/domains` (201 + domain; DO's default TTL 1800; with `ip_address`, DO's A record for
    /// the apex pointing at it), `DELETE /v2/domains/{name}` (204).
    mutating func domainWrite(_ method: String, _ rest: [String], _ body: WriteBody, world: inout FakeWorld,
                              changes: inout [FakeWorldChange]) throws -> Outcome {
        if method == "DELETE" {
            guard world.domains[rest[1]] != nil else { throw WriteRefusal.notFound }
            try world.deleteDomain(name: rest[1])
            changes.append(.deleteDomain(name: rest[1]))
            return .written(status: 204, body: nil)
        }
        let name = try body.string("name")
        let address = try body.optionalString("ip_address")
        if let address, !DomainRecordFields.isAddress(address, family: AF_INET) { throw WriteRefusal("ip_address must be an IPv4 address, got '\(address)'") }
        let apex = address.map { DomainRecordFields(type: "A", name: "@", data: $0) }
        try world.createDomain(name: name, ttl: 1800, project: nil)
        changes.append(.createDomain(name: name, ttl: 1800))
        if let apex {
            _ = try world.createDomainRecord(domain: name, apex)
            changes.append(.createDomainRecord(domain: name, record: apex))
        }
        return .written(status: 201, body: single(key: "domain", json: encode(world.domains[name]!.model)))
    }

    /// `POST /v2/tags` (201 + tag; a name that exists answers with it again), `DELETE /v2/tags/{name}`
    /// (204; DO takes the tag off every resource too), `POST|DELETE /v2/tags/{name}/resources` with
    /// droplets (204).
    mutating func tagWrite(_ method: String, _ rest: [String], _ body: WriteBody, world: inout FakeWorld,
                           changes: inout [FakeWorldChange]) throws -> Outcome {
        switch (method, rest.count) {
        case ("POST", 1):
            let name = try body.string("name")
            if try world.createTag(name: name) { changes.append(.createTag(name: name)) }
            let tag = Self.tagSummaries(world).first { $0.name == name }!
            return .written(status: 201, body: single(key: "tag", json: encode(tag)))
        case ("DELETE", 2):
            guard world.tagExists(rest[1]) else { throw WriteRefusal.notFound }
            try world.deleteTag(name: rest[1])
            changes.append(.deleteTag(name: rest[1]))
            return .written(status: 204, body: nil)
        case ("POST", 3) where rest[2] == "resources", ("DELETE", 3) where rest[2] == "resources":
            break
        default:
            return .failure(status: 405, message: nil)
        }
        let tag = rest[1]
        for resource in try body.resources("resources") {
            guard resource.type == "droplet" else { throw WriteRefusal("the fake tags droplets only, not \(resource.type)") }
            let droplet = try pathDroplet(resource.id, world: world)
            if method == "POST" {
                try world.tagDroplet(name: droplet.name, tags: [tag])
                changes.append(.tagDroplet(name: droplet.name, tags: [tag]))
            } else {
                try world.untagDroplet(name: droplet.name, tags: [tag])
                changes.append(.untagDroplet(name: droplet.name, tags: [tag]))
            }
        }
        return .written(status: 204, body: nil)
    }

    /// `POST /v2/reserved_ips` with `region` or `droplet_id` (202 + reserved_ip),
    /// `POST …/{ip}/actions` (`assign`, `unassign`; 201 + action), `DELETE …/{ip}` (204).
    mutating func reservedIPWrite(_ method: String, _ rest: [String], _ body: WriteBody, world: inout FakeWorld,
                                  changes: inout [FakeWorldChange]) throws -> Outcome {
        let key = rest[0] == "reserved_ips" ? "reserved_ip" : "floating_ip"
        switch (method, rest.count) {
        case ("POST", 1):
            let droplet = try body.optionalInt("droplet_id").map { try pathDroplet(String($0), world: world) }
            guard let region = try droplet?.region.slug ?? body.optionalString("region") else { throw WriteRefusal("region or droplet_id is required") }
            let ip = try world.reserveIP(region: region, project: nil)
            changes.append(.reserveIP(region: region, ip: ip))
            if let droplet {
                try world.assignIP(ip, toDroplet: droplet.name)
                changes.append(.assignIP(ip: ip, droplet: droplet.name))
            }
            let reserved = world.reservedIPs.first { $0.ip == ip }!
            return .written(status: 202, body: Data("{\"\(key)\":".utf8) + encode(reserved.model(in: world)) + Data(",\"links\":{}}".utf8))
        case ("DELETE", 2):
            guard world.reservedIPs.contains(where: { $0.ip == rest[1] }) else { throw WriteRefusal.notFound }
            try world.releaseIP(rest[1])
            changes.append(.releaseIP(ip: rest[1]))
            return .written(status: 204, body: nil)
        case ("POST", 3) where rest[2] == "actions":
            guard let reserved = world.reservedIPs.first(where: { $0.ip == rest[1] }) else {
                throw WriteRefusal.notFound
            }
            let type = try body.string("type")
            switch type {
            case "assign":
                let droplet = try pathDroplet(String(try body.int("droplet_id")), world: world)
                try world.assignIP(reserved.ip, toDroplet: droplet.name)
                changes.append(.assignIP(ip: reserved.ip, droplet: droplet.name))
            case "unassign":
                try world.unassignIP(reserved.ip)
                changes.append(.unassignIP(ip: reserved.ip))
            default:
                throw WriteRefusal("type must be assign or unassign")
            }
            let action = world.recordAction(type: "\(type)_ip", resourceID: 0, resourceType: "reserved_ip", subject: reserved.ip, region: reserved.region)
            return .written(status: 201, body: single(key: "action", json: encode(action.model)))
        default:
            return .failure(status: 405, message: nil)
        }
    }

    /// `POST /v2/projects/{id}/resources` with `resources: [urn]` (200 + the assigned resources):
    /// droplets, domains and snapshots (`do:image:`, `do:volumesnapshot:`), as `move_to_project` moves them.
    mutating func assignResources(projectID: String, _ body: WriteBody, world: inout FakeWorld,
                                  changes: inout [FakeWorldChange]) throws -> Outcome {
        guard let project = world.project(id: projectID) else { throw WriteRefusal.notFound }
        let urns = try body.strings("resources")
        guard !urns.isEmpty else { throw WriteRefusal("resources is required") }
        for urn in urns {
            let parts = urn.split(separator: ":", maxSplits: 2).map(String.init)
            guard parts.count == 3, parts[0] == "do" else { throw WriteRefusal("'\(urn)' is not a DO URN") }
            switch parts[1] {
            case "droplet":
                let droplet = try pathDroplet(parts[2], world: world)
                try world.assignDroplet(name: droplet.name, toProject: project.name)
                changes.append(.assignDroplet(name: droplet.name, project: project.name))
            case "domain":
                try world.assignDomain(name: parts[2], toProject: project.name)
                changes.append(.assignDomain(name: parts[2], project: project.name))
            case "image", "volumesnapshot":
                guard let snapshot = world.snapshots.first(where: { $0.urn == urn }) else { throw WriteRefusal("no snapshot is \(urn)", status: 404) }
                try world.move(.snapshot(snapshot.name), toProject: project.name)
                changes.append(.assignSnapshot(name: snapshot.name, project: project.name))
            default:
                throw WriteRefusal("the fake assigns droplets, domains and snapshots to projects, not \(parts[1])")
            }
        }
        let assigned = world.project(id: project.id)!.resources.filter { urns.contains($0.urn) }
        return .written(status: 200, body: FakePaginator.body(key: "resources", fragments: assigned.map { encode($0.model) },
                                                              links: Data("{}".utf8), total: assigned.count, buffers: pageBuffers))
    }
}
