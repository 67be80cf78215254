import DigitalOcean
import FakeDigitalOcean

/// Turns scenario declarations and timeline events into calls on the fake provider.
struct WorldBuilder {
    let fake: FakeDigitalOcean
    /// Scenario labels of reserved IPs, to the addresses the fake handed out (a scenario cannot
    /// know a seeded address in advance).
    private var reservedIPs: [String: String] = [:]

    init(fake: FakeDigitalOcean) { self.fake = fake }

    mutating func build(_ scenario: Scenario) throws(SimulationError) {
        for size in scenario.world.sizes {
            try attempt(size.location, "world.sizes") { try fake.setSize(try fakeSize(size, catalogue: fake.size(size.slug))) }
        }
        if let tax = scenario.account.tax {
            try attempt(nil, "account.tax") { try fake.setTaxRate(basisPoints: tax.basisPoints, description: tax.description) }
        }
        if let columns = scenario.account.csvColumns {
            try attempt(nil, "account.csv_columns") { try fake.setInvoiceCSVColumns(try csvColumns(columns)) }
        }
        for project in scenario.world.projects {
            try attempt(project.location, "world.projects") {
                try fake.createProject(name: project.name, description: project.description, environment: project.environment,
                                       isDefault: project.isDefault)
            }
        }
        for droplet in scenario.world.droplets {
            try attempt(droplet.location, "world.droplets") {
                try fake.createDroplet(name: droplet.name, size: droplet.size, region: droplet.region, tags: droplet.tags,
                                       poweredOn: droplet.status == .active, createdAt: droplet.createdAt, project: droplet.project)
            }
        }
        for volume in scenario.world.volumes {
            try attempt(volume.location, "world.volumes") {
                try fake.createVolume(name: volume.name, sizeGB: volume.sizeGB, region: volume.region, tags: volume.tags,
                                      project: volume.project)
                if let droplet = volume.attachedTo { try fake.attachVolume(name: volume.name, toDroplet: droplet) }
            }
        }
        for ip in scenario.world.reservedIPs {
            try attempt(ip.location, "world.reserved_ips") { try reserve(ip) }
        }
        for domain in scenario.world.domains {
            try attempt(domain.location, "world.domains") {
                try fake.createDomain(name: domain.name, ttl: domain.ttl, project: domain.project)
            }
        }
        try buildEdge(scenario.world)
    }

    mutating func apply(_ event: TimelineEvent) throws(SimulationError) {
        try attempt(event.location, "timeline event at \(event.at)") {
            switch event.action {
            case .createProject(let p):
                try fake.createProject(name: p.name, description: p.description, environment: p.environment, isDefault: p.isDefault)
            case .createDroplet(let d):
                try fake.createDroplet(name: d.name, size: d.size, region: d.region, tags: d.tags, poweredOn: d.status == .active,
                                       createdAt: nil, project: d.project)
            case .resizeDroplet(let name, let size): try fake.resizeDroplet(name: name, size: size)
            case .powerOffDroplet(let name): try fake.powerOffDroplet(name: name)
            case .powerOnDroplet(let name): try fake.powerOnDroplet(name: name)
            case .renameDroplet(let name, let to): try fake.renameDroplet(name: name, to: to)
            case .tagDroplet(let name, let tags): try fake.tagDroplet(name: name, tags: tags)
            case .destroyDroplet(let name): try fake.destroyDroplet(name: name)
            case .createDomain(let d): try fake.createDomain(name: d.name, ttl: d.ttl, project: d.project)
            case .deleteDomain(let name): try fake.deleteDomain(name: name)
            case .moveToProject(.droplet(let name), let project): try fake.assignDroplet(name: name, toProject: project)
            case .moveToProject(.domain(let name), let project): try fake.assignDomain(name: name, toProject: project)
            case .moveToProject(let resource, let project): try fake.move(try member(resource), toProject: project)
            case .fault(let f):
                let action: FaultAction = switch (f.then, f.body) {
                case (let shift?, _): .shiftAfterServing(listingShift(shift))
                case (nil, .truncated?): .truncatedBody
                case (nil, .notJSON?): .notJSONBody
                case (nil, nil): .status(f.status)
                }
                fake.injectFault(path: f.path, page: f.page, action: action, times: f.times)
            case .setInvoiceCSVColumns(let columns): try fake.setInvoiceCSVColumns(try csvColumns(columns))
            case .corruptInvoiceCSV(let period, let how): try fake.corruptNextCSV(period: period, how: try corruption(how))
            case .reingestInvoice: break // ledger-side: an operator action, which changes nothing at DO
            case .reserveIP(let spec): try reserve(spec)
            case .assignIP(let name, let droplet): try fake.assignIP(try address(name), toDroplet: droplet)
            case .unassignIP(let name): try fake.unassignIP(try address(name))
            case .releaseIP(let name):
                try fake.releaseIP(try address(name))
                reservedIPs[name] = nil
            case .createVolume(let v):
                try fake.createVolume(name: v.name, sizeGB: v.sizeGB, region: v.region, tags: v.tags, project: v.project)
            case .attachVolume(let name, let droplet): try fake.attachVolume(name: name, toDroplet: droplet)
            case .detachVolume(let name): try fake.detachVolume(name: name)
            case .deleteVolume(let name): try fake.deleteVolume(name: name)
            case .provision, .acceptDrift: break // ledger-side: the simulator's DriftDriver plays them
            case .subscribe, .changeSubscription, .endSubscription, .meterUsage: break // ledger-side: RevenueDriver, OperatorAction
            case .rollupInvoices, .invoicePaid, .invoiceVoid: break // ledger-side: the simulator's RevenueDriver plays them
            case .enableBackups(let b):
                try fake.enableBackups(droplet: b.droplet, plan: b.plan == .weekly ? .weekly : .daily, weekday: b.weekday, hour: b.hour)
            case .disableBackups(let name): try fake.disableBackups(droplet: name)
            case .takeSnapshot(let snapshot):
                switch snapshot.source {
                case .droplet(let droplet): try fake.takeDropletSnapshot(droplet: droplet, name: snapshot.name)
                case .volume(let volume): try fake.takeVolumeSnapshot(volume: volume, name: snapshot.name)
                }
            case .deleteSnapshot(let name): try fake.deleteSnapshot(name: name)
            case .createFirewall, .updateFirewall, .deleteFirewall, .createLoadBalancer, .updateLoadBalancer, .deleteLoadBalancer,
                 .createSpacesBucket, .deleteSpacesBucket, .setSpacesBucketSize, .createDatabase, .deleteDatabase, .createK8sCluster,
                 .deleteK8sCluster, .createApp, .deleteApp:
                try applyEdge(event.action)
            }
        }
    }

    private mutating func reserve(_ spec: ReservedIPSpec) throws {
        reservedIPs[spec.name] = try fake.reserveIP(region: spec.region, project: spec.project)
        if let droplet = spec.droplet { try fake.assignIP(reservedIPs[spec.name]!, toDroplet: droplet) }
    }

    func address(_ label: String) throws -> String {
        guard let ip = reservedIPs[label] else { throw UnknownReservedIP(label: label) }
        return ip
    }

    private struct UnknownReservedIP: Error, CustomStringConvertible {
        var label: String
        var description: String { "no reserved IP labelled '\(label)'" }
    }

    /// An existing size keeps what the spec leaves out; a new one must say everything.
    private func fakeSize(_ spec: SizeSpec, catalogue: FakeSize?) throws -> FakeSize {
        if var size = catalogue {
            size.priceMonthlyCents = spec.priceMonthlyCents
            size.vcpus = spec.vcpus ?? size.vcpus
            size.memoryMB = spec.memoryMB ?? size.memoryMB
            size.diskGB = spec.diskGB ?? size.diskGB
            return size
        }
        guard let vcpus = spec.vcpus, let memory = spec.memoryMB, let disk = spec.diskGB else {
            throw NewSizeIncomplete(slug: spec.slug)
        }
        return FakeSize(slug: spec.slug, vcpus: vcpus, memoryMB: memory, diskGB: disk, transferTB: 1,
                        priceMonthlyCents: spec.priceMonthlyCents, description: "Custom")
    }

    private struct NewSizeIncomplete: Error, CustomStringConvertible {
        var slug: String
        var description: String { "'\(slug)' is not in the catalogue, so it needs vcpus, memory and disk as well as price_monthly" }
    }

    private func csvColumns(_ names: [String]) throws -> [InvoiceCSVColumn] {
        try names.map { name in
            guard let column = InvoiceCSVColumn(rawValue: name) else { throw UnknownCSVColumn(name: name) }
            return column
        }
    }

    private func corruption(_ spec: CSVCorruptionSpec) throws -> CSVCorruption {
        switch spec {
        case .badAmount: return .badAmount
        case .badDate: return .badDate
        case .truncated: return .truncated
        case .missingColumn(let name): return .missingColumn(try csvColumns([name])[0])
        }
    }

    private struct UnknownCSVColumn: Error, CustomStringConvertible {
        var name: String
        var description: String { "the fake knows no CSV column '\(name)'" }
    }

    func attempt<T>(_ location: ScenarioLocation?, _ what: String, _ body: () throws -> T) throws(SimulationError) {
        do {
            _ = try body()
        } catch {
            throw SimulationError(location: location, message: "\(what): \(error)")
        }
    }
}
