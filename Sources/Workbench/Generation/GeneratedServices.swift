import ArcadiaCore
import FakeDigitalOcean
import MoneyAndTime

/// Everything around the fleet a fuzz scenario has, drawn after it from the same stream: volumes,
/// domains, reserved IPs, load balancers, firewalls, Spaces buckets and a database, each with a
/// lifecycle that stays valid (a volume is detached before it is deleted, an address unassigned
/// before it is released), snapshot deletions, drift (provisioned droplets, out-of-band tags), and
/// the faults the scenario format knows beyond listing outages. `arcadia bench` draws none of it,
/// so its fleet is unchanged. Only droplets that live the whole run (`steady`) are attached to.
struct GeneratedServices {
    struct Steady {
        var name: String
        var region: String
        var project: String
    }

    let start: Timestamp
    let end: Timestamp
    let projects: [String]
    let steady: [Steady]
    private(set) var world = WorldSpec()
    private(set) var timeline: [TimelineEvent] = []

    /// `fleet` is the world's droplets and `churn` their events: a droplet no event destroys or
    /// renames is steady (its name is its own for the whole run).
    init(start: Timestamp, end: Timestamp, projects: [String], fleet: [DropletSpec], churn: [TimelineEvent]) {
        self.start = start
        self.end = end
        self.projects = projects
        let departed = Set(churn.compactMap { event -> String? in
            switch event.action {
            case .destroyDroplet(let name), .renameDroplet(let name, _): name
            default: nil
            }
        })
        steady = fleet.filter { !departed.contains($0.name) }.map { Steady(name: $0.name, region: $0.region, project: $0.project ?? projects[0]) }
    }

    /// `count` instants in the run, ascending, each on a whole minute.
    private func instants(_ count: Int, _ random: inout SplitMix64) -> [Timestamp] {
        let minutes = Int((end - start) / 60)
        return (0..<count).map { _ in start + Int64(1 + random.below(minutes - 1)) * 60 }.sorted()
    }

    private mutating func add(_ at: Timestamp, _ action: ScenarioAction) {
        timeline.append(TimelineEvent(at: at, action: action))
    }

    /// The first `count` of `steps` at ascending instants: a lifecycle cut short somewhere.
    private mutating func lifecycle(_ steps: [ScenarioAction], _ random: inout SplitMix64) {
        let count = 1 + random.below(steps.count)
        for (at, action) in zip(instants(count, &random), steps.prefix(count)) { add(at, action) }
    }

    mutating func volumes(_ random: inout SplitMix64) {
        if let host = steady.first, random.chance(50) {
            world.volumes.append(VolumeSpec(name: "vol-w", sizeGB: 10 * (1 + random.below(10)), region: host.region, project: host.project,
                                            attachedTo: host.name))
            lifecycle([.takeSnapshot(SnapshotSpec(name: "vol-w-snap", source: .volume("vol-w"))), .detachVolume(name: "vol-w"),
                       .deleteSnapshot(name: "vol-w-snap"), .deleteVolume(name: "vol-w")], &random)
        }
        guard random.chance(60) else { return }
        let host = steady.isEmpty ? nil : random.pick(steady)
        let create = ScenarioAction.createVolume(VolumeSpec(name: "vol-t", sizeGB: 5 * (1 + random.below(20)), region: host?.region ?? "syd1",
                                                            project: random.pick(projects)))
        var steps: [ScenarioAction] = [create, .moveToProject(resource: .volume("vol-t"), project: random.pick(projects))]
        if let host { steps += [.attachVolume(name: "vol-t", droplet: host.name), .detachVolume(name: "vol-t")] }
        lifecycle(steps + [.deleteVolume(name: "vol-t")], &random)
    }

    /// A zone in the world, and one created, moved, deleted and created again under the same name.
    mutating func domains(_ random: inout SplitMix64) {
        if random.chance(50) { world.domains.append(DomainSpec(name: "fuzz-w.example", project: random.pick(projects))) }
        guard random.chance(60) else { return }
        let create = ScenarioAction.createDomain(DomainSpec(name: "fuzz-t.example", project: random.pick(projects)))
        lifecycle([create, .moveToProject(resource: .domain("fuzz-t.example"), project: random.pick(projects)),
                   .deleteDomain(name: "fuzz-t.example"), create], &random)
    }

    mutating func reservedIPs(_ random: inout SplitMix64) {
        guard random.chance(50) else { return }
        let host = steady.isEmpty ? nil : random.pick(steady)
        var steps: [ScenarioAction] = [.reserveIP(ReservedIPSpec(name: "ip-t", region: host?.region ?? "syd1", project: random.pick(projects)))]
        if let host { steps += [.assignIP(name: "ip-t", droplet: host.name), .unassignIP(name: "ip-t")] }
        lifecycle(steps + [.moveToProject(resource: .reservedIP("ip-t"), project: random.pick(projects)), .releaseIP(name: "ip-t")], &random)
    }

    mutating func loadBalancers(_ random: inout SplitMix64) {
        guard let host = steady.first, random.chance(40) else { return }
        let members = steady.filter { $0.region == host.region }.map(\.name)
        let rule = ForwardingRuleSpec(entryProtocol: "http", entryPort: 80, targetProtocol: "http", targetPort: 8080)
        lifecycle([
            .createLoadBalancer(LoadBalancerSpec(name: "lb-t", region: host.region, project: host.project, forwardingRules: [rule], droplets: members)),
            .updateLoadBalancer(LoadBalancerUpdateSpec(name: "lb-t", sizeUnit: 1 + random.below(4))),
            .moveToProject(resource: .loadBalancer("lb-t"), project: random.pick(projects)),
            .deleteLoadBalancer(name: "lb-t"),
        ], &random)
    }

    mutating func firewalls(_ random: inout SplitMix64) {
        guard random.chance(40) else { return }
        let ssh = FirewallRuleSpec(protocolName: "tcp", ports: "22", addresses: ["0.0.0.0/0"])
        let web = FirewallRuleSpec(protocolName: "tcp", ports: "443", addresses: ["0.0.0.0/0", "::/0"])
        lifecycle([
            .createFirewall(FirewallSpec(name: "fw-t", droplets: steady.prefix(1).map(\.name), tags: ["fleet"], inbound: [ssh])),
            .updateFirewall(FirewallUpdateSpec(name: "fw-t", droplets: steady.map(\.name), inbound: [ssh, web])),
            .deleteFirewall(name: "fw-t"),
        ], &random)
    }

    /// A bucket in the world that grows, and one created, resized and deleted; a database the
    /// projects pass alone discovers.
    mutating func projectMembers(_ random: inout SplitMix64) {
        if random.chance(40) {
            world.spacesBuckets.append(SpacesBucketSpec(name: "fuzz-assets", region: "syd1", sizeGB: 1 + random.below(200), project: random.pick(projects)))
            lifecycle([.setSpacesBucketSize(name: "fuzz-assets", sizeGB: 1 + random.below(400))], &random)
        }
        if random.chance(40) {
            lifecycle([.createSpacesBucket(SpacesBucketSpec(name: "fuzz-logs", region: "syd1", sizeGB: random.below(100), project: random.pick(projects))),
                       .setSpacesBucketSize(name: "fuzz-logs", sizeGB: random.below(300)),
                       .moveToProject(resource: .spacesBucket("fuzz-logs"), project: random.pick(projects)),
                       .deleteSpacesBucket(name: "fuzz-logs")], &random)
        }
        if random.chance(25) {
            lifecycle([.createDatabase(ProjectOnlySpec(name: "fuzz-db", region: "syd1", project: random.pick(projects))),
                       .deleteDatabase(name: "fuzz-db")], &random)
        }
    }

    /// Out-of-band changes to steady droplets (tags added and taken away), which a provisioned
    /// droplet's sweep reports as drift beside the fleet's resizes.
    mutating func drift(_ random: inout SplitMix64) {
        guard let target = steady.isEmpty ? nil : random.pick(steady), random.chance(50) else { return }
        lifecycle([.tagDroplet(name: target.name, tags: ["hotfix"]), .untagDroplet(name: target.name, tags: ["hotfix"])], &random)
    }

    /// Deletes some of the snapshots `timeline` takes, a while after each is taken.
    static func snapshotDeletions(_ timeline: [TimelineEvent], before end: Timestamp, _ random: inout SplitMix64) -> [TimelineEvent] {
        timeline.compactMap { event in
            guard case .takeSnapshot(let spec) = event.action, random.chance(40) else { return nil }
            let at = event.at + Int64(1 + random.below(48)) * 1_800
            return at < end ? TimelineEvent(at: at, action: .deleteSnapshot(name: spec.name)) : nil
        }
    }

    /// Faults beyond listing outages: broken bodies, rate limits, a listing that shifts between
    /// pages, and DO's invoice CSV broken, its columns moved, and ingested again.
    mutating func faults(invoicePeriod: String, monthEnd: Timestamp, _ random: inout SplitMix64) {
        let listings = ["/v2/droplets", "/v2/volumes", "/v2/domains", "/v2/reserved_ips", "/v2/load_balancers", "/v2/firewalls",
                        "/v2/snapshots", "/v2/projects", "/v2/customers/my/invoices"]
        let count = random.below(3)
        // An invoice listing that fails may keep the month's invoice out of the ledger past any
        // fixed instant, and a re-ingest of an invoice never ingested is a scenario error.
        var invoicesMayFail = false
        for at in instants(count, &random) {
            let path = random.pick(listings)
            switch random.below(3) {
            case 0:
                invoicesMayFail = invoicesMayFail || path == "/v2/customers/my/invoices"
                add(at, .fault(FaultSpec(path: path, body: random.pick([FaultSpec.Body.truncated, .notJSON]), times: 1 + random.below(6))))
            case 1:
                invoicesMayFail = invoicesMayFail || path == "/v2/customers/my/invoices"
                add(at, .fault(FaultSpec(path: path, status: 429, times: 1 + random.below(6))))
            default: add(at, .fault(FaultSpec(path: "/v2/droplets", page: 1, then: .createDroplet(
                name: "shifted-\(timeline.count)", size: random.pick(GeneratedFleet.sizes), region: random.pick(GeneratedFleet.regions)))))
            }
        }
        guard random.chance(60) else { return }
        let before = start + Int64(random.below(Int(monthEnd - start) / 60)) * 60
        let how = random.pick([CSVCorruptionSpec.badAmount, .badDate, .truncated, .missingColumn("USD")])
        add(before, .corruptInvoiceCSV(period: invoicePeriod, how: how))
        if random.chance(50) {
            var columns = InvoiceCSVColumn.allCases.map(\.rawValue)
            for index in columns.indices.reversed() { columns.swapAt(index, random.below(index + 1)) }
            add(before, .setInvoiceCSVColumns(columns))
        }
        let reingest = monthEnd + 86_400 + 3_600
        if reingest < end, !invoicesMayFail { add(reingest, .reingestInvoice(period: invoicePeriod)) }
    }
}
