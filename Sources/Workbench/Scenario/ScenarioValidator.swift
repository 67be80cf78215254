import DigitalOcean

/// Checks what no single field can: unique names, references that resolve, and actions that make
/// sense against the world as it stands at their instant.
///
/// The timeline is walked in execution order, so resizing a droplet destroyed earlier is reported at
/// the resize, the way the simulator would meet it. Nothing runs on an invalid scenario, so the first
/// problem found is thrown; each check below assumes the ones before it passed.
public enum ScenarioValidator {
    /// For scenarios built in code: errors point at each item's `location`, or at line 0 without one.
    public static func validate(_ scenario: Scenario) throws(ScenarioError) {
        try validate(scenario, sourceMap: ScenarioSourceMap())
    }

    /// For parsed scenarios: `sourceMap` lets an error point at the offending field's own node.
    static func validate(_ scenario: Scenario, sourceMap: ScenarioSourceMap) throws(ScenarioError) {
        var walk = ValidationWalk(scenario: scenario, sourceMap: sourceMap)
        try walk.checkClock()
        try walk.checkWorld()
        try walk.checkTenancy()
        try walk.checkTimeline()
        try walk.checkDriftIgnore()
    }
}

/// The name DO gives the project it creates when an account has none marked default.
private let impliedDefaultProject = "Default"

/// The validator's view of the fake world: only what decides whether the next action makes sense.
struct ValidationWalk {
    let scenario: Scenario
    let sourceMap: ScenarioSourceMap
    var projects: Set<String> = []
    /// Live droplets, by name.
    var droplets: [String: PowerState] = [:]
    var domains: Set<String> = []
    /// Existing volumes by name, with the droplet each is attached to.
    var volumes: [String: String?] = [:]
    /// Reserved IPs by label, with the droplet each is assigned to.
    var reservedIPs: [String: String?] = [:]
    /// Why a name no longer refers to a live resource, for a message better than "not found".
    var dropletsGone: [String: String] = [:]
    var domainsGone: [String: String] = [:]
    /// The fields of each live droplet's recorded spec, by droplet name (drift actions).
    var specFields: [String: Set<String>] = [:]
    var tenancy = TenancyWalk()
    /// Live droplets with backups on, and live snapshots, by name.
    var backupsOn: Set<String> = []
    var snapshots: Set<String> = []
    /// Firewalls, load balancers and project-only resources (`ScenarioValidator+Edge`).
    var edge = EdgeResources()

    init(scenario: Scenario, sourceMap: ScenarioSourceMap) {
        self.scenario = scenario
        self.sourceMap = sourceMap
    }

    func error(_ field: String, near item: ScenarioLocation?, _ message: String) -> ScenarioError {
        let location = sourceMap.locations[field] ?? item
            ?? ScenarioLocation(file: scenario.file ?? scenario.name, line: 0, column: 0)
        return ScenarioError(location: location, field: field, message: message)
    }

    func checkClock() throws(ScenarioError) {
        let clock = scenario.clock
        guard clock.end > clock.start else {
            throw error("clock.end", near: nil, "must be after clock.start (\(clock.start)); the clock runs start ..< end")
        }
    }

    mutating func checkWorld() throws(ScenarioError) {
        let world = scenario.world
        var defaultProject: Int?
        for (index, project) in world.projects.enumerated() {
            let field = "world.projects[\(index)]"
            guard !projects.contains(project.name) else {
                throw error("\(field).name", near: project.location, "another world project is already named '\(project.name)'")
            }
            if project.isDefault {
                if let first = defaultProject {
                    throw error("\(field).default", near: project.location,
                                "world.projects[\(first)] is already the default project; an account has exactly one")
                }
                defaultProject = index
            }
            projects.insert(project.name)
        }
        if defaultProject == nil {
            if let index = world.projects.firstIndex(where: { $0.name == impliedDefaultProject }) {
                throw error("world.projects[\(index)].name", near: world.projects[index].location,
                            "'\(impliedDefaultProject)' is the project the fake provider creates when no world project "
                                + "is marked 'default: true'; mark this one default or rename it")
            }
            projects.insert(impliedDefaultProject)
        }
        for (index, droplet) in world.droplets.enumerated() {
            let field = "world.droplets[\(index)]"
            guard droplets[droplet.name] == nil else {
                throw error("\(field).name", near: droplet.location, "another world droplet is already named '\(droplet.name)'")
            }
            try checkProject(droplet.project, "\(field).project", near: droplet.location, when: nil)
            if let createdAt = droplet.createdAt, createdAt > scenario.clock.start {
                throw error("\(field).created_at", near: droplet.location,
                            "is after clock.start (\(scenario.clock.start)); a world droplet exists when the clock starts, "
                                + "so create later droplets in the timeline")
            }
            droplets[droplet.name] = droplet.status
            recordProvisioned(droplet)
        }
        for (index, domain) in world.domains.enumerated() {
            let field = "world.domains[\(index)]"
            guard !domains.contains(domain.name) else {
                throw error("\(field).name", near: domain.location, "another world domain is already named '\(domain.name)'")
            }
            try checkProject(domain.project, "\(field).project", near: domain.location, when: nil)
            domains.insert(domain.name)
        }
        for (index, volume) in world.volumes.enumerated() {
            let field = "world.volumes[\(index)]"
            guard volumes[volume.name] == nil else {
                throw error("\(field).name", near: volume.location, "another world volume is already named '\(volume.name)'")
            }
            try checkProject(volume.project, "\(field).project", near: volume.location, when: nil)
            if let droplet = volume.attachedTo, droplets[droplet] == nil {
                throw error("\(field).attached_to", near: volume.location, "no world droplet is named '\(droplet)'")
            }
            volumes[volume.name] = .some(volume.attachedTo)
        }
        for (index, ip) in world.reservedIPs.enumerated() {
            let field = "world.reserved_ips[\(index)]"
            guard reservedIPs[ip.name] == nil else {
                throw error("\(field).name", near: ip.location, "another world reserved IP is labelled '\(ip.name)'")
            }
            try checkProject(ip.project, "\(field).project", near: ip.location, when: nil)
            if let droplet = ip.droplet { try checkIPAssignable(to: droplet, "\(field).droplet", near: ip.location, when: nil) }
            reservedIPs[ip.name] = .some(ip.droplet)
        }
        try checkEdgeWorld()
    }

    mutating func checkTimeline() throws(ScenarioError) {
        var previous: Timestamp?
        for (position, event) in scenario.timeline.enumerated() {
            let index = event.location.flatMap { sourceMap.timelineIndices[$0] } ?? position
            let item = "timeline[\(index)]"
            let clock = scenario.clock
            if let previous, event.at < previous {
                throw error("\(item).at", near: event.location,
                            "is earlier than the event before it; a timeline must be in execution order (by 'at')")
            }
            guard event.at >= clock.start else {
                throw error("\(item).at", near: event.location, "is before clock.start (\(clock.start))")
            }
            guard event.at < clock.end else {
                throw error("\(item).at", near: event.location,
                            "is not before clock.end (\(clock.end)); the clock runs start ..< end, so nothing happens at end")
            }
            try apply(event, field: "\(item).\(event.action.kind.rawValue)")
            previous = event.at
        }
    }

    /// Checks one action against the current state, then applies it. `field` is its action key's path.
    private mutating func apply(_ event: TimelineEvent, field: String) throws(ScenarioError) {
        let near = event.location
        let when = event.at
        switch event.action {
        case .createProject(let project):
            guard !projects.contains(project.name) else {
                throw error("\(field).name", near: near, "a project named '\(project.name)' already exists")
            }
            projects.insert(project.name)
        case .createDroplet(let droplet):
            try checkDropletNameFree(droplet.name, "\(field).name", near: near)
            try checkProject(droplet.project, "\(field).project", near: near, when: when)
            droplets[droplet.name] = droplet.status
            dropletsGone[droplet.name] = nil
            recordProvisioned(droplet)
        case .resizeDroplet(let name, _), .tagDroplet(let name, _):
            _ = try liveDroplet(name, "\(field).name", near: near, when: when)
        case .powerOffDroplet(let name):
            guard try liveDroplet(name, "\(field).name", near: near, when: when) == .active else {
                throw error("\(field).name", near: near, "droplet '\(name)' is already off at \(when)")
            }
            droplets[name] = .off
        case .powerOnDroplet(let name):
            guard try liveDroplet(name, "\(field).name", near: near, when: when) == .off else {
                throw error("\(field).name", near: near, "droplet '\(name)' is already active at \(when)")
            }
            droplets[name] = .active
        case .renameDroplet(let name, let newName):
            let status = try liveDroplet(name, "\(field).name", near: near, when: when)
            try checkDropletNameFree(newName, "\(field).to", near: near)
            droplets[name] = nil
            droplets[newName] = status
            for (volume, attached) in volumes where attached == name { volumes[volume] = .some(newName) }
            for (ip, assigned) in reservedIPs where assigned == name { reservedIPs[ip] = .some(newName) }
            dropletsGone[name] = "renamed to '\(newName)' at \(when)"
            dropletsGone[newName] = nil
            specFields[newName] = specFields.removeValue(forKey: name)
            if backupsOn.remove(name) != nil { backupsOn.insert(newName) }
        case .destroyDroplet(let name):
            _ = try liveDroplet(name, "\(field).name", near: near, when: when)
            forgetDroplet(name, because: "destroyed at \(when)")
        case .createDomain(let domain):
            guard !domains.contains(domain.name) else {
                throw error("\(field).name", near: near, "a domain named '\(domain.name)' already exists")
            }
            try checkProject(domain.project, "\(field).project", near: near, when: when)
            domains.insert(domain.name)
            domainsGone[domain.name] = nil
        case .deleteDomain(let name):
            try checkLiveDomain(name, "\(field).name", near: near, when: when)
            domains.remove(name)
            domainsGone[name] = "deleted at \(when)"
        case .moveToProject(.droplet(let name), let project):
            _ = try liveDroplet(name, "\(field).droplet", near: near, when: when)
            try checkProject(project, "\(field).project", near: near, when: when)
        case .moveToProject(.domain(let name), let project):
            try checkLiveDomain(name, "\(field).domain", near: near, when: when)
            try checkProject(project, "\(field).project", near: near, when: when)
        case .moveToProject(let resource, let project):
            try checkMove(resource, "\(field).\(Self.movedKey(resource))", near: near, when: when)
            try checkProject(project, "\(field).project", near: near, when: when)
        case .fault(let fault):
            try applyFault(fault, field: field, near: near, when: when)
        case .setInvoiceCSVColumns, .corruptInvoiceCSV:
            break
        case .reserveIP(let ip):
            guard reservedIPs[ip.name] == nil else {
                throw error("\(field).name", near: near, "a reserved IP labelled '\(ip.name)' already exists")
            }
            try checkProject(ip.project, "\(field).project", near: near, when: when)
            if let droplet = ip.droplet { try checkIPAssignable(to: droplet, "\(field).droplet", near: near, when: when) }
            reservedIPs[ip.name] = .some(ip.droplet)
        case .assignIP(let name, let droplet):
            if case let assigned?? = try liveReservedIP(name, "\(field).name", near: near, when: when) {
                throw error("\(field).name", near: near, "reserved IP '\(name)' is already assigned to '\(assigned)' at \(when)")
            }
            try checkIPAssignable(to: droplet, "\(field).droplet", near: near, when: when)
            reservedIPs[name] = .some(droplet)
        case .unassignIP(let name):
            guard case .some(.some) = try liveReservedIP(name, "\(field).name", near: near, when: when) else {
                throw error("\(field).name", near: near, "reserved IP '\(name)' is not assigned at \(when)")
            }
            reservedIPs[name] = .some(nil)
        case .releaseIP(let name):
            if case let assigned?? = try liveReservedIP(name, "\(field).name", near: near, when: when) {
                throw error("\(field).name", near: near, "reserved IP '\(name)' is assigned to '\(assigned)'; unassign it first")
            }
            reservedIPs[name] = nil
        case .createVolume(let volume):
            guard volumes[volume.name] == nil else {
                throw error("\(field).name", near: near, "a volume named '\(volume.name)' already exists")
            }
            try checkProject(volume.project, "\(field).project", near: near, when: when)
            volumes[volume.name] = .some(nil)
        case .attachVolume(let name, let droplet):
            if case let attached?? = try liveVolume(name, "\(field).name", near: near, when: when) {
                throw error("\(field).name", near: near, "volume '\(name)' is already attached to '\(attached)' at \(when)")
            }
            _ = try liveDroplet(droplet, "\(field).droplet", near: near, when: when)
            volumes[name] = .some(droplet)
        case .detachVolume(let name):
            guard case .some(.some) = try liveVolume(name, "\(field).name", near: near, when: when) else {
                throw error("\(field).name", near: near, "volume '\(name)' is not attached at \(when)")
            }
            volumes[name] = .some(nil)
        case .deleteVolume(let name):
            if case let attached?? = try liveVolume(name, "\(field).name", near: near, when: when) {
                throw error("\(field).name", near: near, "volume '\(name)' is attached to '\(attached)'; detach it first")
            }
            volumes[name] = nil
        case .reingestInvoice(let period):
            guard let monthStart = Timestamp(iso8601: period + "-01"), when >= monthStart.startOfNextMonth else {
                throw error("\(field).period", near: near,
                            "the \(period) invoice cannot exist at \(when): DO issues a month's invoice on the 1st of the next month")
            }
        case .provision(let name, let spec):
            _ = try liveDroplet(name, "\(field).droplet", near: near, when: when)
            specFields[name] = Set(spec.keys)
        case .acceptDrift(let name, let specField):
            try checkAcceptDrift(name, specField, field: field, near: near, when: when)
        case .subscribe, .changeSubscription, .endSubscription, .meterUsage:
            try applyTenancy(event, field: field)
        case .rollupInvoices, .invoicePaid, .invoiceVoid:
            try checkRevenueAction(event.action, field: field, near: near, when: when)
        case .enableBackups, .disableBackups, .takeSnapshot, .deleteSnapshot:
            try applyImageAction(event.action, field: field, near: near, when: when)
        case .createFirewall, .updateFirewall, .deleteFirewall, .createLoadBalancer, .updateLoadBalancer, .deleteLoadBalancer,
             .createSpacesBucket, .deleteSpacesBucket, .setSpacesBucketSize, .createDatabase, .deleteDatabase, .createK8sCluster,
             .deleteK8sCluster, .createApp, .deleteApp:
            try applyEdge(event.action, field: field, near: near, when: when)
        }
    }

    /// A destroyed droplet's volumes stay, detached, and its reserved IP stays, unassigned.
    mutating func forgetDroplet(_ name: String, because reason: String) {
        droplets[name] = nil
        for (volume, attached) in volumes where attached == name { volumes[volume] = .some(nil) }
        for (ip, assigned) in reservedIPs where assigned == name { reservedIPs[ip] = .some(nil) }
        dropletsGone[name] = reason
        specFields[name] = nil
        backupsOn.remove(name)
    }

    /// `when` is nil for the world, which is the state at clock start.
    func checkProject(_ name: String?, _ field: String, near: ScenarioLocation?, when: Timestamp?) throws(ScenarioError) {
        guard let name, !projects.contains(name) else { return }
        let instant = when.map { " at \($0)" } ?? " in the world"
        throw error(field, near: near,
                    "no project named '\(name)' exists\(instant); existing projects: \(projects.sorted().joined(separator: ", "))")
    }

    func liveDroplet(_ name: String, _ field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) -> PowerState {
        guard let status = droplets[name] else {
            let reason = dropletsGone[name].map { " (it was \($0))" } ?? ""
            throw error(field, near: near, "no droplet named '\(name)' exists at \(when)\(reason)")
        }
        return status
    }

    /// The volume's attachment (`.some(nil)` when detached), or an error when there is no such volume.
    func liveVolume(_ name: String, _ field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) -> String?? {
        guard let attachment = volumes[name] else {
            throw error(field, near: near, "no volume named '\(name)' exists at \(when)")
        }
        return .some(attachment)
    }

    func liveReservedIP(_ name: String, _ field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) -> String?? {
        guard let assignment = reservedIPs[name] else {
            throw error(field, near: near, "no reserved IP labelled '\(name)' exists at \(when)")
        }
        return .some(assignment)
    }

    /// A droplet takes one reserved IP; `when` is nil in the world.
    private func checkIPAssignable(to droplet: String, _ field: String, near: ScenarioLocation?, when: Timestamp?) throws(ScenarioError) {
        guard droplets[droplet] != nil else {
            throw error(field, near: near, "no droplet named '\(droplet)' exists\(when.map { " at \($0)" } ?? " in the world")")
        }
        if let (label, _) = reservedIPs.first(where: { $0.value == droplet }) {
            throw error(field, near: near, "droplet '\(droplet)' already has reserved IP '\(label)'")
        }
    }

    func checkDropletNameFree(_ name: String, _ field: String, near: ScenarioLocation?) throws(ScenarioError) {
        guard droplets[name] == nil else {
            throw error(field, near: near, "a droplet named '\(name)' already exists")
        }
    }

    func checkLiveDomain(_ name: String, _ field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        guard domains.contains(name) else {
            let reason = domainsGone[name].map { " (it was \($0))" } ?? ""
            throw error(field, near: near, "no domain named '\(name)' exists at \(when)\(reason)")
        }
    }
}
