import DigitalOcean
import Foundation

/// The API's writes. Each applies the world change the scenario action of the same name makes
/// (the same `FakeWorld` mutation), answers with DO's status and body (202 + the droplet for a
/// create, 201 + an action for an action, 204 for a delete, 404 for an unknown path id, 422 with
/// DO's error body for what DO refuses), and reports the change so it can be recorded. Frozen in
/// time, the fake completes every action at once.
extension FakeRouter {
    /// The answer, and the changes made (none when refused: a refused write leaves the world as it was).
    mutating func write(_ request: APIRequest, world: inout FakeWorld) -> (Outcome, [FakeWorldChange]) {
        guard let body = WriteBody(request.body) else { return (.failure(status: 400, message: nil), []) }
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.first == "v2", parts.count >= 2 else { return (.failure(status: 404, message: nil), []) }
        let rest = Array(parts.dropFirst())
        var scratch = world
        var changes: [FakeWorldChange] = []
        let outcome: Outcome
        do {
            outcome = try writeDispatch(request.method, rest, body, world: &scratch, changes: &changes)
        } catch let refusal as WriteRefusal {
            return (.failure(status: refusal.status, message: refusal.message), [])
        } catch let error as FakeWorldError {
            return (.failure(status: 422, message: error.description), [])
        } catch {
            return (.failure(status: 500, message: nil), [])
        }
        if case .failure = outcome { return (outcome, []) }
        world = scratch
        return (outcome, changes)
    }

    private mutating func writeDispatch(_ method: String, _ rest: [String], _ body: WriteBody, world: inout FakeWorld,
                                        changes: inout [FakeWorldChange]) throws -> Outcome {
        switch (method, rest.count, rest[0]) {
        case ("POST", 1, "droplets"):
            return try createDroplets(body, world: &world, changes: &changes)
        case ("DELETE", 2, "droplets"):
            let droplet = try pathDroplet(rest[1], world: world)
            try world.destroyDroplet(name: droplet.name)
            changes.append(.destroyDroplet(name: droplet.name))
            return .written(status: 204, body: nil)
        case ("POST", 3, "droplets") where rest[2] == "actions":
            return try dropletAction(try pathDroplet(rest[1], world: world), body, world: &world, changes: &changes)
        case ("DELETE", 2, "snapshots"):
            guard let snapshot = world.snapshots.first(where: { $0.id == rest[1] }) else {
                throw WriteRefusal.notFound
            }
            try world.deleteSnapshot(name: snapshot.name)
            changes.append(.deleteSnapshot(name: snapshot.name))
            return .written(status: 204, body: nil)
        case ("POST", 1, "volumes"), ("POST", 3, "volumes"), ("DELETE", 2, "volumes"):
            return try volumeWrite(method, rest, body, world: &world, changes: &changes)
        case ("POST", 1, "domains"), ("DELETE", 2, "domains"):
            return try domainWrite(method, rest, body, world: &world, changes: &changes)
        case ("POST", 3, "domains") where rest[2] == "records", ("PUT", 4, "domains") where rest[2] == "records",
             ("PATCH", 4, "domains") where rest[2] == "records", ("DELETE", 4, "domains") where rest[2] == "records":
            return try domainRecordWrite(method, domain: rest[1], id: rest.count == 4 ? rest[3] : nil, body, world: &world, changes: &changes)
        case (_, _, "tags"):
            return try tagWrite(method, rest, body, world: &world, changes: &changes)
        case (_, _, "reserved_ips"), (_, _, "floating_ips"):
            return try reservedIPWrite(method, rest, body, world: &world, changes: &changes)
        case ("POST", 3, "projects") where rest[2] == "resources":
            return try assignResources(projectID: rest[1], body, world: &world, changes: &changes)
        default:
            return .failure(status: rest.count <= 3 ? 405 : 404, message: nil)
        }
    }

    /// The droplet a path names by id: 404 when there is none, as DO answers.
    func pathDroplet(_ id: String, world: FakeWorld) throws(WriteRefusal) -> FakeDroplet {
        guard let id = Int(id), let droplet = world.droplets[id] else { throw WriteRefusal.notFound }
        return droplet
    }

    /// `POST /v2/droplets` with `name` (202 + `droplet`) or `names` (202 + `droplets`): DO requires
    /// `region`, `size` and `image`, and refuses an unknown size or region. Honoured: `tags`,
    /// `backups` (+ `backup_policy`), `volumes` (attached at create: each a live, unattached volume
    /// in the droplet's region; one droplet only), `vpc_uuid` (the region's VPC). Accepted, typed
    /// and not kept: `ssh_keys`, `user_data`, `monitoring`, `ipv6` (every fake droplet shows the
    /// `ipv6` and `monitoring` features; DO's droplet echoes neither keys nor user data).
    private mutating func createDroplets(_ body: WriteBody, world: inout FakeWorld, changes: inout [FakeWorldChange]) throws -> Outcome {
        let names = try body.strings("names")
        let many = !names.isEmpty
        let all = many ? names : [try body.string("name")]
        let size = try body.string("size"), region = try body.string("region")
        guard (try? body.optionalString("image")) != nil || (try? body.optionalInt("image")) != nil else { throw WriteRefusal("image is required") }
        guard world.size(size) != nil || !world.checksCatalogue else { throw WriteRefusal("You specified an invalid size for Droplet creation.") }
        guard RegionCatalogue.region(region) != nil || !world.checksCatalogue else {
            throw WriteRefusal("You specified an invalid region for Droplet creation.")
        }
        let tags = try body.strings("tags")
        let volumes = try body.strings("volumes").map { id in
            try world.volumes.first { $0.id == id }.orRefuse("volume \(id) does not exist")
        }
        guard volumes.isEmpty || !many else { throw WriteRefusal("volumes can be attached at create to a single droplet only") }
        if let vpc = try body.optionalString("vpc_uuid"), world.vpcByRegion[region]?.id != vpc {
            throw WriteRefusal("vpc_uuid \(vpc) is not a VPC in \(region)")
        }
        _ = try (body.idsOrStrings("ssh_keys"), body.optionalString("user_data"), body.optionalBool("monitoring"), body.optionalBool("ipv6"),
                 body.optionalBool("backups"))
        var created: [FakeDroplet] = []
        var actions: [FakeAction] = []
        for name in all {
            let id = try world.createDroplet(name: name, size: size, region: region, tags: tags, poweredOn: true, createdAt: nil, project: nil)
            changes.append(.createDroplet(name: name, size: size, region: region, tags: tags))
            for volume in volumes {
                try world.attachVolume(name: volume.name, toDroplet: name)
                changes.append(.attachVolume(name: volume.name, droplet: name))
            }
            if body.bool("backups") {
                let policy = try body.object("backup_policy")
                let plan = try BackupPolicy.Plan(rawValue: policy?.optionalString("plan") ?? "weekly")
                    .orRefuse("backup_policy.plan must be daily or weekly")
                try enableBackups(name, plan: plan, policy: policy, world: &world, changes: &changes)
            }
            if world.actionSeconds > 0, var droplet = world.droplets[id] {
                droplet.provisioning = true
                world.store(changed: droplet)
            }
            actions.append(world.recordAction(type: "create", resourceID: id, resourceType: "droplet", region: world.droplets[id]!.region))
            created.append(world.droplets[id]!)
        }
        let links = "{\"actions\":[" + actions.map { "{\"id\":\($0.id),\"rel\":\"create\",\"href\":\"\(origin)/v2/actions/\($0.id)\"}" }
            .joined(separator: ",") + "]}"
        var out = Data(many ? "{\"droplets\":[".utf8 : "{\"droplet\":".utf8)
        out.append(contentsOf: Array(created.map { encode($0.model) }.joined(separator: Array(",".utf8))))
        out.append(Data(((many ? "]" : "") + ",\"links\":\(links)}").utf8))
        return .written(status: 202, body: out)
    }

    /// `POST /v2/droplets/{id}/actions`: 201 + the action, completed.
    private mutating func dropletAction(_ droplet: FakeDroplet, _ body: WriteBody, world: inout FakeWorld,
                                        changes: inout [FakeWorldChange]) throws -> Outcome {
        let type = try body.string("type")
        let name = droplet.name
        switch type {
        case "resize":
            let size = try body.string("size")
            guard !droplet.poweredOn else { throw WriteRefusal("Droplet must be powered off before it can be resized.") }
            guard world.size(size) != nil || !world.checksCatalogue else { throw WriteRefusal("You specified an invalid size for Droplet resize.") }
            try world.resizeDroplet(name: name, size: size)
            changes.append(.resizeDroplet(name: name, size: size))
        case "power_off", "shutdown":
            try world.setPower(name: name, on: false)
            changes.append(.powerOffDroplet(name: name))
        case "power_on":
            try world.setPower(name: name, on: true)
            changes.append(.powerOnDroplet(name: name))
        case "rename":
            let newName = try body.string("name")
            try world.renameDroplet(name: name, to: newName)
            changes.append(.renameDroplet(name: name, to: newName))
        case "snapshot":
            let snapshot = try body.optionalString("name") ?? "\(name)-\(world.now.seconds)"
            _ = try world.takeDropletSnapshot(droplet: name, name: snapshot)
            changes.append(.snapshotDroplet(droplet: name, name: snapshot))
        case "enable_backups":
            let policy = try body.object("backup_policy")
            let plan = try BackupPolicy.Plan(rawValue: policy?.optionalString("plan") ?? "weekly").orRefuse("backup_policy.plan must be daily or weekly")
            try enableBackups(name, plan: plan, policy: policy, world: &world, changes: &changes)
        case "disable_backups":
            try world.disableBackups(name: name)
            changes.append(.disableBackups(droplet: name))
        default:
            throw WriteRefusal("the fake does not perform droplet action '\(type)' (see docs/fake-do-coverage.md)")
        }
        let action = world.recordAction(type: type, resourceID: droplet.id, resourceType: "droplet", region: droplet.region)
        return .written(status: 201, body: single(key: "action", json: encode(action.model)))
    }

    /// Backups on `plan`; `backup_policy.weekday` (`SUN` … `SAT`) and `hour` pick the window, else
    /// the world draws it. The change records the window the droplet got.
    private func enableBackups(_ name: String, plan: BackupPolicy.Plan, policy: WriteBody?, world: inout FakeWorld,
                               changes: inout [FakeWorldChange]) throws {
        let weekday = try policy?.optionalString("weekday").map { day in
            try BackupPolicy.weekdays.firstIndex(of: day).orRefuse("backup_policy.weekday must be one of \(BackupPolicy.weekdays.joined(separator: ", "))")
        }
        let hour = try policy?.optionalInt("hour")
        try world.enableBackups(name: name, plan: plan, weekday: weekday, hour: hour)
        let got = try world.droplet(named: name).backupPolicy!
        changes.append(.enableBackups(droplet: name, plan: plan, weekday: got.weekday, hour: got.hour))
    }
}

extension Optional {
    /// The value, or a 422 with `message`.
    func orRefuse(_ message: String) throws(WriteRefusal) -> Wrapped {
        guard let self else { throw WriteRefusal(message) }
        return self
    }
}
