import DigitalOcean
import HeapModule
import MoneyAndTime

/// The fake account's state: droplets, domains and projects, all drawn deterministically from one
/// seed. Every mutation happens at `now` and bumps `revision`, which is what lets the API layer
/// (and the simulator) reuse bytes for anything that did not change.
struct FakeWorld: Sendable {
    private(set) var now: Timestamp
    /// When the account opened: the world's first instant.
    let start: Timestamp
    private(set) var revision: UInt64 = 0
    /// Moves with every change except billing's alone (a month closing, a history entry coming
    /// due, a billing setting): the inventory endpoints serve nothing billing holds, so a sync
    /// need not run again when only an invoice was issued.
    private(set) var inventoryRevision: UInt64 = 0
    /// Moves with every change but billing's alone and a droplet's own fields changed in place
    /// (`store(changed:)`: a resize, a power change, a tag, a rename, a backup): the domains,
    /// volumes, firewalls, load balancers and projects listings show none of those, so a resize
    /// need not re-run their syncs. A change that moves anything else with a droplet (a volume
    /// attached, a snapshot taken) bumps everything itself.
    private(set) var revisionBeyondDroplets: UInt64 = 0
    /// Moves with billing's own changes only: the issued invoices (their list, their CSVs) change
    /// with nothing else, while the month-to-date figures move with time and are read unelided.
    private(set) var billingRevision: UInt64 = 0
    var rng: SeededGenerator
    let ownerUUID: String
    let ownerID: Int
    /// When false, any size or region slug is taken as given (`FakeDigitalOcean.init`).
    let checksCatalogue: Bool

    /// The sizes on sale, in listing order: DO's list prices unless a scenario set its own.
    private(set) var sizes: [FakeSize] = SizeCatalogue.all
    /// Live droplets by id; `dropletOrder` keeps their ids ascending, DO's listing order.
    private(set) var droplets: [Int: FakeDroplet] = [:]
    private(set) var dropletOrder: [Int] = []
    /// Each listed droplet's `version`, parallel to `dropletOrder`: what the API layer checks its
    /// cached JSON against, without copying each droplet out of `droplets`.
    private(set) var dropletVersions: [UInt64] = []
    private var dropletIDsByName: [String: Int] = [:]
    private var nextDropletID: Int
    /// Each region's default VPC, made with the region's first droplet.
    private(set) var vpcByRegion: [String: FakeVPC] = [:]
    private var usedAddresses: Set<String> = []

    var domains: [String: FakeDomain] = [:]
    /// The last domain record id handed out (`FakeDomainRecord.firstID`); nil before the first.
    var lastDomainRecordID: Int?
    /// The last departure of each droplet and domain name no live one has (`FakeDeparture`).
    var departures: [FakeResourceKind: [String: FakeDeparture]] = [:]
    /// Tags created on their own (`POST /v2/tags`, `create_tag`), sorted; they last until deleted,
    /// while a tag that was only ever put on resources lasts as long as one of them carries it.
    var createdTags: [String] = []
    /// In creation order, the order the fake lists them in.
    var volumes: [FakeVolume] = []
    /// In reservation order.
    var reservedIPs: [FakeReservedIP] = []
    /// Live droplet and volume snapshots, in creation order (DO's listing order here).
    var snapshots: [FakeSnapshot] = []
    /// Each backed-up droplet's next backup event (`FakeDroplet.nextBackupEvent`), soonest first:
    /// what `advance` takes and expires backups from, without asking every droplet at each step of
    /// the clock. An entry that is no longer its droplet's next event is skipped when it comes up.
    var backupSchedule = Heap<BackupDue>()
    /// The last image id handed out (snapshots and backups); nil before the first image.
    var lastImageID: Int?
    /// Actions clients started over the API, oldest first (`FakeAction`).
    var actions: [FakeAction] = []
    /// How long an API action stays `in-progress` (and a created droplet `new`), in fake seconds:
    /// 0 (complete at once) unless the fake moves in time.
    var actionSeconds: Int64 = 0
    /// Firewalls and load balancers, each in creation order.
    var firewalls: [FakeFirewall] = []
    var loadBalancers: [FakeLoadBalancer] = []
    /// Spaces buckets, databases, clusters and apps, in creation order: known only as project members.
    var projectOnlyResources: [FakeProjectOnlyResource] = []
    /// Projects in creation order, DO's listing order. Mutated only by `FakeWorld+Projects`.
    var projects: [FakeProject] = []
    /// Which project holds each assigned URN: a resource is in exactly one project.
    var projectIDByURN: [String: String] = [:]

    /// Everything that ever lived, for billing any period after the fact.
    var history = BillableHistory(droplets: DropletHistory())
    /// Invoices, billing history, tax and CSV settings: settled by `advance`, set by `FakeWorld+Billing`.
    var billing: BillingAccount

    init(seed: UInt64, start: Timestamp, checksCatalogue: Bool = true) {
        now = start
        self.start = start
        self.checksCatalogue = checksCatalogue
        billing = BillingAccount(seed: seed, start: start)
        rng = SeededGenerator(seed: seed)
        ownerUUID = rng.hex(digits: 40)
        ownerID = 100_000 + rng.below(900_000)
        nextDropletID = 400_000_000 + rng.below(10_000_000)
    }

    /// Moves the world's clock forward, taking (and expiring) the backups due on the way, each at
    /// its own instant, and closing any month that ends on the way (its invoice is drawn from
    /// history, which holds nothing later than the old `now`). Time never runs backwards: that
    /// would be a simulator bug.
    mutating func advance(to time: Timestamp) {
        precondition(time >= now, "the fake's clock cannot go back from \(now) to \(time)")
        runBackups(through: time)
        completeActions(through: time)
        if billing.settle(through: time, history: history) { bumpBillingRevision() }
        now = time
    }

    mutating func bumpRevision() {
        revision &+= 1
        inventoryRevision &+= 1
        revisionBeyondDroplets &+= 1
    }

    /// For a droplet's own fields changed in place (`store(changed:)`).
    mutating func bumpDropletRevision() {
        revision &+= 1
        inventoryRevision &+= 1
    }

    /// For a change only the billing endpoints show.
    mutating func bumpBillingRevision() {
        revision &+= 1
        billingRevision &+= 1
    }

    // MARK: Droplets

    func size(_ slug: String) -> FakeSize? {
        sizes.first { $0.slug == slug }
    }

    /// Puts a size on sale or changes one's price. Only before the first droplet exists: a
    /// price that changed under a running droplet would rewrite history already billed.
    mutating func setSize(_ size: FakeSize) throws(FakeWorldError) {
        guard droplets.isEmpty, dropletOrder.isEmpty else {
            throw .invalidState("sizes can only be set before the first droplet is created")
        }
        if let index = sizes.firstIndex(where: { $0.slug == size.slug }) {
            sizes[index] = size
        } else {
            sizes.append(size)
        }
        bumpRevision()
    }

    /// `field` names the argument that named it, for the error.
    func droplet(named name: String, field: String = "name") throws(FakeWorldError) -> FakeDroplet {
        guard let id = dropletIDsByName[name], let droplet = droplets[id] else {
            throw .unknown(.droplet, name, departure: departures[.droplet]?[name], field: field)
        }
        return droplet
    }

    /// The size on sale under `slug`; with `checksCatalogue` off, any slug (a stand-in shape).
    func catalogueSize(_ slug: String) throws(FakeWorldError) -> FakeSize {
        if let size = size(slug) { return size }
        guard !checksCatalogue else { throw .unknownSize(slug) }
        return FakeSize(slug: slug, vcpus: 1, memoryMB: 1024, diskGB: 25, transferTB: 1, priceMonthlyCents: 600, description: "Unchecked")
    }

    func catalogueRegion(_ slug: String) throws(FakeWorldError) -> FakeRegion {
        if let region = RegionCatalogue.region(slug) { return region }
        guard !checksCatalogue else { throw .unknownRegion(slug) }
        return FakeRegion(slug: slug, name: slug)
    }

    /// Notes why `name` no longer names a live resource of `kind` (nil: it names one again).
    mutating func recordDeparture(_ kind: FakeResourceKind, _ name: String, _ way: FakeDeparture.Way?) {
        departures[kind, default: [:]][name] = way.map { FakeDeparture(way: $0, at: now) }
    }

    mutating func createDroplet(name: String, size: String, region: String, tags: [String], poweredOn: Bool,
                                createdAt: Timestamp?, project: String?) throws(FakeWorldError) -> Int {
        guard !name.isEmpty else { throw .invalidArgument("a droplet needs a name") }
        guard dropletIDsByName[name] == nil else { throw .duplicate(.droplet, name) }
        let size = try catalogueSize(size)
        let region = try catalogueRegion(region)
        let createdAt = createdAt ?? now
        guard createdAt <= now else {
            throw .invalidArgument("droplet '\(name)' cannot be created at \(createdAt), after the world's now \(now)")
        }
        if billing.hasClosedAMonth, createdAt < billing.openMonth.start {
            throw .invalidArgument(
                "droplet '\(name)' cannot be created at \(createdAt): time before \(billing.openMonth.start) is already invoiced")
        }
        let projectIndex = try projectIndexForNewResource(project)
        bumpRevision()
        let id = nextDropletID
        nextDropletID += 1 + rng.below(997)
        let droplet = FakeDroplet(
            id: id, name: name, size: size, region: region, tags: Self.unique(tags), poweredOn: poweredOn,
            createdAt: createdAt, vpcUUID: vpc(for: region), networks: drawNetworks(), version: revision)
        droplets[id] = droplet
        dropletOrder.append(id)
        dropletVersions.append(droplet.version)
        dropletIDsByName[name] = id
        recordDeparture(.droplet, name, nil)
        assign(urn: droplet.urn, selfURL: droplet.selfURL, toProjectAt: projectIndex, at: createdAt)
        history.droplets.begin(DropletLife(id: id, name: name, projectName: projects[projectIndex].name, size: size,
                                           poweredOn: poweredOn, createdAt: createdAt))
        return id
    }

    /// Applies `change` to the named droplet and records the new version.
    mutating func updateDroplet(named name: String, _ change: (inout FakeDroplet) throws(FakeWorldError) -> Void) throws(FakeWorldError) {
        var droplet = try droplet(named: name)
        try change(&droplet)
        store(changed: droplet)
    }

    /// Replaces a live droplet with its changed self, as a new version.
    mutating func store(changed droplet: FakeDroplet) {
        var droplet = droplet
        bumpDropletRevision()
        droplet.version = revision
        droplets[droplet.id] = droplet
        dropletVersions[orderPosition(of: droplet.id)] = revision
    }

    /// Where a live droplet is in `dropletOrder` (ascending, so a binary search); nil if none is.
    func listPosition(of id: Int) -> Int? {
        var (low, high) = (0, dropletOrder.count)
        while low < high {
            let middle = (low + high) / 2
            if dropletOrder[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < dropletOrder.count && dropletOrder[low] == id ? low : nil
    }

    private func orderPosition(of id: Int) -> Int {
        guard let position = listPosition(of: id) else { preconditionFailure("droplet \(id) is not live") }
        return position
    }

    mutating func resizeDroplet(name: String, size slug: String) throws(FakeWorldError) {
        let size = try catalogueSize(slug)
        try updateDroplet(named: name) { droplet throws(FakeWorldError) in
            guard droplet.size != size else { throw FakeWorldError.invalidState("droplet '\(name)' is already \(slug)").about("size") }
            droplet.size = size
        }
        let now = now
        try history.droplets.update(id: droplet(named: name).id) { $0.resize(to: size, at: now) }
    }

    mutating func setPower(name: String, on: Bool) throws(FakeWorldError) {
        try updateDroplet(named: name) { droplet throws(FakeWorldError) in
            guard droplet.poweredOn != on else { throw .conflict(.alreadyPowered(droplet: name, on: on)) }
            droplet.poweredOn = on
        }
        let now = now
        try history.droplets.update(id: droplet(named: name).id) { $0.setPower(on: on, at: now) }
    }

    /// Adds tags (DO's tag API adds; it never replaces), keeping the existing order.
    mutating func tagDroplet(name: String, tags: [String]) throws(FakeWorldError) {
        guard try !Set(tags).isSubset(of: droplet(named: name).tags) else { return }
        try updateDroplet(named: name) { $0.tags = Self.unique($0.tags + tags) }
    }

    mutating func untagDroplet(name: String, tags: [String]) throws(FakeWorldError) {
        guard try !Set(tags).isDisjoint(with: droplet(named: name).tags) else { return }
        try updateDroplet(named: name) { droplet in droplet.tags.removeAll { tags.contains($0) } }
    }

    mutating func renameDroplet(name: String, to newName: String) throws(FakeWorldError) {
        let id = try droplet(named: name).id
        guard !newName.isEmpty else { throw .invalidArgument("a droplet needs a name") }
        guard dropletIDsByName[newName] == nil else { throw .duplicate(.droplet, newName, field: "to") }
        try updateDroplet(named: name) { $0.name = newName }
        dropletIDsByName[name] = nil
        dropletIDsByName[newName] = id
        recordDeparture(.droplet, name, .renamed(to: newName))
        recordDeparture(.droplet, newName, nil)
        history.droplets.update(id: id) { $0.rename(to: newName) }
    }

    /// `way` is `.destroyedByListingShift` when a listing-shift fault does it.
    mutating func destroyDroplet(name: String, way: FakeDeparture.Way = .destroyed) throws(FakeWorldError) {
        let droplet = try droplet(named: name)
        bumpRevision()
        droplets[droplet.id] = nil
        let position = orderPosition(of: droplet.id)
        dropletOrder.remove(at: position)
        dropletVersions.remove(at: position)
        dropletIDsByName[name] = nil
        recordDeparture(.droplet, name, way)
        unassign(urn: droplet.urn)
        detachVolumes(fromDroplet: droplet.id)
        unassignReservedIPs(fromDroplet: droplet.id)
        removeFromFirewallsAndLoadBalancers(dropletID: droplet.id)
        let now = now
        history.droplets.update(id: droplet.id) { $0.destroy(at: now) }
    }

    // MARK: Domains

    /// A zone DO will create: a host name of two or more dot-separated labels, each 1 to 63 letters,
    /// digits and hyphens (not at either end), at most 253 characters in all.
    static func isDomainName(_ name: String) -> Bool {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        return name.utf8.count <= 253 && labels.count >= 2 && labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        }
    }

    mutating func createDomain(name: String, ttl: Int, project: String?) throws(FakeWorldError) {
        guard Self.isDomainName(name) else {
            throw FakeWorldError(.invalidArgument("'\(name)' is not a domain name: two or more labels of letters, digits and inner hyphens, "
                                                  + "at most 63 each"), field: "name")
        }
        guard ttl > 0 else { throw .invalidArgument("domain '\(name)' needs a positive ttl, got \(ttl)") }
        guard domains[name] == nil else { throw .duplicate(.domain, name) }
        let projectIndex = try projectIndexForNewResource(project)
        bumpRevision()
        let domain = FakeDomain(name: name, ttl: ttl, createdAt: now)
        domains[name] = domain
        recordDeparture(.domain, name, nil)
        assign(urn: domain.urn, selfURL: domain.selfURL, toProjectAt: projectIndex, at: now)
    }

    mutating func deleteDomain(name: String) throws(FakeWorldError) {
        guard let domain = domains[name] else { throw .unknown(.domain, name, departure: departures[.domain]?[name]) }
        bumpRevision()
        domains[name] = nil
        recordDeparture(.domain, name, .deleted)
        unassign(urn: domain.urn)
    }

    /// Domains sorted by name, the order the fake lists them in.
    var sortedDomains: [FakeDomain] {
        domains.values.sorted { $0.name < $1.name }
    }

    // MARK: Helpers

    mutating func vpc(for region: FakeRegion) -> String {
        if let vpc = vpcByRegion[region.slug] { return vpc.id }
        let uuid = rng.uuid()
        vpcByRegion[region.slug] = FakeVPC(id: uuid, region: region, createdAt: now)
        return uuid
    }

    /// A public IPv4 no droplet or reserved IP has, for a new reserved IP.
    mutating func drawReservedAddress() -> String {
        var address: String
        repeat {
            address = "\(["45.55", "138.197", "167.99"][rng.below(3)]).\(rng.below(256)).\(2 + rng.below(253))"
        } while !usedAddresses.insert(address).inserted
        return address
    }

    /// A private IPv4, a public IPv4 and an IPv6 address, redrawn on the rare collision so every
    /// droplet's addresses are unique.
    private mutating func drawNetworks() -> Networks {
        let prefixes = ["104.131", "159.203", "164.90", "143.198", "137.184", "24.199"]
        var privateIP: String, publicIP: String, publicGateway: String
        repeat {
            privateIP = "10.\(100 + rng.below(40)).\(rng.below(256)).\(2 + rng.below(253))"
        } while !usedAddresses.insert(privateIP).inserted
        repeat {
            let subnet = "\(prefixes[rng.below(prefixes.count)]).\(rng.below(256))"
            publicIP = "\(subnet).\(2 + rng.below(253))"
            publicGateway = "\(subnet).1"
        } while !usedAddresses.insert(publicIP).inserted
        let v6Prefix = "2604:a880:\(DeterministicFormat.hex(UInt64(rng.below(0x1000)), width: 1)):\(DeterministicFormat.hex(UInt64(rng.below(0x10000)), width: 1))"
        var v6: String
        repeat {
            v6 = "\(v6Prefix)::\(DeterministicFormat.hex(UInt64(rng.below(0x10000)), width: 1)):\(DeterministicFormat.hex(UInt64(rng.below(0x10000)), width: 1))"
        } while !usedAddresses.insert(v6).inserted
        return Networks(
            v4: [
                NetworkV4(ipAddress: privateIP, netmask: "255.255.0.0", gateway: "nil", type: "private"),
                NetworkV4(ipAddress: publicIP, netmask: "255.255.255.0", gateway: publicGateway, type: "public"),
            ],
            v6: [NetworkV6(ipAddress: v6, netmask: 64, gateway: "\(v6Prefix)::1", type: "public")])
    }

    static func unique(_ tags: [String]) -> [String] {
        var seen: Set<String> = []
        return tags.filter { seen.insert($0).inserted }
    }
}
