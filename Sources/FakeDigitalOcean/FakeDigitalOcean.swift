import DigitalOcean
import MoneyAndTime
import Synchronization

/// The one deliberate fake: a deterministic DigitalOcean account that the simulator mutates and the
/// real client reads through `transport`. Same seed + same calls ⇒ byte-identical responses.
///
/// All state sits behind one `Mutex`, so the fake can be shared across tasks; every call is short
/// and synchronous, and nothing inside ever awaits.
public final class FakeDigitalOcean: Sendable {
    public static let defaultToken = "fake-do-token"
    /// The project DO creates when an account has none marked default (made on demand).
    public static let impliedDefaultProject = FakeWorld.impliedDefaultProject

    private struct State {
        var world: FakeWorld
        var api: FakeAPI
        /// Every successful write over the API, in order, at the world's time.
        var recorded: [RecordedChange] = []
    }

    private let state: Mutex<State>

    /// With `checksCatalogue: false` any size or region slug is accepted: a scenario's dry run
    /// checks what happens to its resources, while their sizes and regions are the run's to check.
    /// With `keepsResponses: false` every response is made anew (`ResponseCache`), so a test can
    /// hold the kept bytes to what a fake that keeps nothing serves.
    public init(seed: UInt64, start: Timestamp, token: String = FakeDigitalOcean.defaultToken, checksCatalogue: Bool = true,
                keepsResponses: Bool = true) {
        state = Mutex(State(world: FakeWorld(seed: seed, start: start, checksCatalogue: checksCatalogue),
                            api: FakeAPI(seed: seed, token: token, keepsResponses: keepsResponses)))
    }

    /// In-process: routes `APIRequest` → `APIResponse` without sockets.
    public var transport: any Transport { InProcessTransport(fake: self) }

    /// Answers one request as DO would, at the world's `now`. A listing-shift fault changes the
    /// world right after the page it is set on is served, before the client asks for the next.
    /// `origin` (`https://127.0.0.1:8443`) is where a served request was sent: page links then name
    /// it, so a client that follows them stays on the fake; in process (nil) they name DO's host.
    public func respond(to request: APIRequest, origin: String? = nil) -> APIResponse {
        state.withLock { state in
            let (response, shift, changes) = state.api.respond(to: request, origin: origin, world: &state.world)
            if let shift { state.world.apply(shift) }
            let now = state.world.now
            state.recorded += changes.map { RecordedChange(at: now, change: $0) }
            return response
        }
    }

    // MARK: Clock

    /// Sets the world's "now": the `created_at` of new things and the rate-limit window's clock.
    /// Time only moves forward.
    public func advance(to time: Timestamp) {
        state.withLock { $0.world.advance(to: time) }
    }

    public var now: Timestamp { state.withLock { $0.world.now } }

    /// The client waited `duration` before retrying (whole seconds, rounded up). Only DO's rate
    /// limits see the time pass: the world stays at `now`, where the simulator runs a worker, and a
    /// retry that waited out a burst refusal is counted in a later minute, as on DO.
    public func clientWaited(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        state.withLock { $0.api.rateLimiter.clientWaited(seconds: seconds + (attoseconds > 0 ? 1 : 0), at: $0.world.now) }
    }

    /// DO's rate limits read at least `time` from now on, while the world stays at `now`: a served
    /// fake frozen at one instant frees a burst-limited minute as real time passes.
    public func passTimeForRateLimits(until time: Timestamp) {
        state.withLock { $0.api.rateLimiter.passTime(until: time) }
    }

    /// Tell `ratelimit-reset` and `retry-after` on the clients' real clock (a served fake); nil, the
    /// simulator's default, tells them in the fake's time.
    public func tellRateLimits(on clock: ClientClock?) {
        state.withLock { $0.api.rateLimiter.clientClock = clock }
    }

    /// How many fake seconds an action started over the API stays `in-progress` (a created droplet
    /// `new`) before it completes; 0, the default, completes it at once (a fake frozen in time).
    public func setActionDuration(seconds: Int64) {
        state.withLock { $0.world.actionSeconds = max(0, seconds) }
    }

    // MARK: World mutations (applied at `now`; droplets, domains and projects addressed by name)

    /// `purpose` defaults to a DO stock purpose; DO requires one on create.
    @discardableResult
    public func createProject(name: String, description: String, environment: String?, isDefault: Bool,
                              purpose: String = "Service or API") throws -> String {
        try mutate { world throws(FakeWorldError) in
            try world.createProject(name: name, description: description, purpose: purpose, environment: environment, isDefault: isDefault)
        }
    }

    /// `createdAt` (not after `now`) lets a scenario's initial world hold droplets that predate it;
    /// `project: nil` puts the droplet in the default project, as on DO.
    @discardableResult
    public func createDroplet(name: String, size: String, region: String, tags: [String], poweredOn: Bool,
                              createdAt: Timestamp?, project: String?) throws -> Int {
        try mutate { world throws(FakeWorldError) in
            try world.createDroplet(name: name, size: size, region: region, tags: tags, poweredOn: poweredOn,
                                    createdAt: createdAt, project: project)
        }
    }

    public func resizeDroplet(name: String, size: String) throws {
        try mutate { world throws(FakeWorldError) in try world.resizeDroplet(name: name, size: size) }
    }

    public func powerOffDroplet(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.setPower(name: name, on: false) }
    }

    public func powerOnDroplet(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.setPower(name: name, on: true) }
    }

    public func renameDroplet(name: String, to newName: String) throws {
        try mutate { world throws(FakeWorldError) in try world.renameDroplet(name: name, to: newName) }
    }

    /// Adds tags (DO's tag API never replaces); tags already present are left as they are.
    public func tagDroplet(name: String, tags: [String]) throws {
        try mutate { world throws(FakeWorldError) in try world.tagDroplet(name: name, tags: tags) }
    }

    public func untagDroplet(name: String, tags: [String]) throws {
        try mutate { world throws(FakeWorldError) in try world.untagDroplet(name: name, tags: tags) }
    }

    public func destroyDroplet(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.destroyDroplet(name: name) }
    }

    public func createVolume(name: String, sizeGB: Int, region: String, tags: [String], project: String?) throws {
        try mutate { world throws(FakeWorldError) in
            try world.createVolume(name: name, sizeGB: sizeGB, region: region, tags: tags, project: project)
        }
    }

    public func attachVolume(name: String, toDroplet droplet: String) throws {
        try mutate { world throws(FakeWorldError) in try world.attachVolume(name: name, toDroplet: droplet) }
    }

    public func detachVolume(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.detachVolume(name: name) }
    }

    public func deleteVolume(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteVolume(name: name) }
    }

    /// Turns on backups with `plan`; `weekday` (0 = SUN … 6 = SAT, weekly only) and `hour` (0, 4,
    /// … 20) pick the 4-hour window, drawn from the seed when nil. The fake then takes a backup in
    /// every window as its clock advances, and deletes each when the plan's retention ends.
    /// `sizeCentiGB` (hundredths of a GB) fixes every backup's size; nil derives each from the seed.
    public func enableBackups(droplet name: String, plan: BackupPolicy.Plan, weekday: Int? = nil, hour: Int? = nil,
                              sizeCentiGB: Int? = nil) throws {
        try mutate { world throws(FakeWorldError) in
            try world.enableBackups(name: name, plan: plan, weekday: weekday, hour: hour, sizeCentiGB: sizeCentiGB)
        }
    }

    /// Takes one backup of the droplet now, of `sizeCentiGB` (else derived), kept until `keptUntil`
    /// (else for the plan's retention when backups are on, else until they go off or the droplet does).
    public func takeBackup(droplet name: String, sizeCentiGB: Int? = nil, keptUntil: Timestamp? = nil) throws {
        try mutate { world throws(FakeWorldError) in try world.takeBackup(name: name, sizeCentiGB: sizeCentiGB, keptUntil: keptUntil) }
    }

    /// Turns backups off and deletes the droplet's backups, as DO does.
    public func disableBackups(droplet name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.disableBackups(name: name) }
    }

    /// Snapshots a live droplet now; returns the snapshot's id (a numeric string).
    @discardableResult
    public func takeDropletSnapshot(droplet: String, name: String, sizeCentiGB: Int? = nil) throws -> String {
        try mutate { world throws(FakeWorldError) in try world.takeDropletSnapshot(droplet: droplet, name: name, sizeCentiGB: sizeCentiGB) }
    }

    /// Snapshots a volume now; returns the snapshot's id (a UUID).
    @discardableResult
    public func takeVolumeSnapshot(volume: String, name: String, sizeCentiGB: Int? = nil) throws -> String {
        try mutate { world throws(FakeWorldError) in try world.takeVolumeSnapshot(volume: volume, name: name, sizeCentiGB: sizeCentiGB) }
    }

    public func deleteSnapshot(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteSnapshot(name: name) }
    }

    /// Reserves a new IPv4 in `region` and returns it.
    @discardableResult
    public func reserveIP(region: String, project: String?) throws -> String {
        var ip = ""
        try mutate { world throws(FakeWorldError) in ip = try world.reserveIP(region: region, project: project) }
        return ip
    }

    public func assignIP(_ ip: String, toDroplet droplet: String) throws {
        try mutate { world throws(FakeWorldError) in try world.assignIP(ip, toDroplet: droplet) }
    }

    public func unassignIP(_ ip: String) throws {
        try mutate { world throws(FakeWorldError) in try world.unassignIP(ip) }
    }

    public func releaseIP(_ ip: String) throws {
        try mutate { world throws(FakeWorldError) in try world.releaseIP(ip) }
    }

    public func createDomain(name: String, ttl: Int, project: String?) throws {
        try mutate { world throws(FakeWorldError) in try world.createDomain(name: name, ttl: ttl, project: project) }
    }

    public func deleteDomain(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteDomain(name: name) }
    }

    /// A tag with no resources (DO's `POST /v2/tags`); creating one that exists changes nothing.
    public func createTag(name: String) throws {
        _ = try mutate { world throws(FakeWorldError) in try world.createTag(name: name) }
    }

    /// Deletes the tag and takes it off every droplet and volume.
    public func deleteTag(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteTag(name: name) }
    }

    /// A record in the zone `domain`; DO's rules for its type apply. Returns its id.
    @discardableResult
    public func createDomainRecord(domain: String, _ record: DomainRecordFields) throws -> Int {
        try mutate { world throws(FakeWorldError) in try world.createDomainRecord(domain: domain, record) }
    }

    /// Sets the fields `update` gives on a record made earlier.
    public func updateDomainRecord(domain: String, id: Int, _ update: DomainRecordFields) throws {
        try mutate { world throws(FakeWorldError) in try world.updateDomainRecord(domain: domain, id: id, update) }
    }

    public func deleteDomainRecord(domain: String, id: Int) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteDomainRecord(domain: domain, id: id) }
    }

    /// Moves the droplet into `project`, out of whichever project held it.
    public func assignDroplet(name: String, toProject project: String) throws {
        try mutate { world throws(FakeWorldError) in try world.assignDroplet(name: name, toProject: project) }
    }

    public func assignDomain(name: String, toProject project: String) throws {
        try mutate { world throws(FakeWorldError) in try world.assignDomain(name: name, toProject: project) }
    }

    /// Every project's name, and `Default` while no project is the default (it is made on demand).
    public var projectNames: [String] { state.withLock { $0.world.projectNames } }

    /// The droplet's id, for tests and scenarios that need to address it over the API.
    public func dropletID(name: String) throws -> Int {
        try mutate { world throws(FakeWorldError) in try world.droplet(named: name).id }
    }

    /// Everything that exists now, by kind in a fixed order (the fuzzer checks none of it is stale).
    public var liveResources: [LiveResource] { state.withLock { $0.world.liveResources } }

    // MARK: Billing (the account is invoiced as the clock passes 00:00 UTC on each 1st)

    /// An account-level sales tax added as a `Taxes` line to every invoice closed from now on (and
    /// to the preview), e.g. `setTaxRate(basisPoints: 1000, description: "GST (10%)")` for AU GST.
    /// Sells `size` (a new slug) or changes an existing size; only before the first droplet.
    public func setSize(_ size: FakeSize) throws {
        try mutate { world throws(FakeWorldError) in try world.setSize(size) }
    }

    /// The size on sale under `slug`, with its current price.
    public func size(_ slug: String) -> FakeSize? {
        state.withLock { $0.world.size(slug) }
    }

    public func setTaxRate(basisPoints: Int, description: String) throws {
        try mutate { world throws(FakeWorldError) in try world.setTaxRate(basisPoints: basisPoints, description: description) }
    }

    public func removeTaxRate() {
        state.withLock { $0.world.removeTaxRate() }
    }

    /// The CSV export's columns from now on: DO's 9 (`InvoiceCSVColumn.standard`), the older 8
    /// without `category` (`.legacy`), or any choice with the `.required` five, in any order, so
    /// ingestion is tested on moved and missing columns.
    public func setInvoiceCSVColumns(_ columns: [InvoiceCSVColumn]) throws {
        try mutate { world throws(FakeWorldError) in try world.setInvoiceCSVColumns(columns) }
    }

    /// Spoils the next successful CSV download of the invoice for `period` (`YYYY-MM`), which need
    /// not be issued yet; later downloads are clean again. Repeated calls queue up.
    public func corruptNextCSV(period: String, how corruption: CSVCorruption) throws {
        try state.withLock { state throws(FakeWorldError) in
            state.api.csvFaults.add(uuid: try state.world.invoiceUUID(period: period), corruption)
        }
    }

    /// As `corruptNextCSV(period:how:)`, by the invoice's uuid.
    public func corruptNextCSV(invoiceUUID: String, how corruption: CSVCorruption) {
        state.withLock { $0.api.csvFaults.add(uuid: invoiceUUID, corruption) }
    }

    /// The uuid the invoice for `period` (`YYYY-MM`) has, or will have once the month closes.
    public func invoiceUUID(period: String) throws -> String {
        try state.withLock { state throws(FakeWorldError) in try state.world.invoiceUUID(period: period) }
    }

    // MARK: Faults and limits

    /// The next `times` requests to `path` (and `page`, if given; a request without `page` is
    /// page 1) fail with `status` and DO's error body for it; a 429 also gets `retry-after: 30`.
    public func injectFault(path: String, page: Int?, status: Int, times: Int) {
        injectFault(path: path, page: page, action: .status(status), times: times)
    }

    /// Makes a listing shift's change now, as a dry run sees it (a served fault makes it after its page).
    public func applyListingShift(_ shift: ListingShift) throws {
        try mutate { world throws(FakeWorldError) in try world.applyStrictly(shift) }
    }

    /// With `.shiftAfterServing`, the page is served, then the world changes once (`times` should
    /// be 1); a shift that no longer applies (the droplet is already gone) changes nothing.
    public func injectFault(path: String, page: Int?, action: FaultAction, times: Int) {
        state.withLock { $0.api.faults.add(path: path, page: page, action: action, times: times) }
    }

    /// DO's limits are 5,000/hour and 250/minute; a simulator that fires many jobs in the same
    /// virtual minute may want to raise them.
    public func configureRateLimits(perHour: Int, perMinute: Int) {
        state.withLock {
            $0.api.rateLimiter.perHour = perHour
            $0.api.rateLimiter.perMinute = perMinute
        }
    }

    // MARK: Observation

    /// Faults armed but not yet used up: a fake served at an instant after a fault was armed
    /// spoils a client's first matching requests with it, so the CLI says so at start-up.
    public var pendingFaults: [PendingFault] { state.withLock { $0.api.faults.pending } }

    /// Bumps whenever anything that some listing shows changes, including an invoice being issued
    /// or a billing-history entry coming due. The simulator knows from it, or from the narrower
    /// revisions below, that a job would see the same bytes again. The balance and the invoice
    /// preview also move with `now` alone (usage accrues by the hour), so a reader of those cannot
    /// rely on any revision.
    public var revision: UInt64 { state.withLock { $0.world.revision } }

    /// `revision` without the changes only billing shows: what an inventory listing serves moves
    /// only with this.
    public var inventoryRevision: UInt64 { state.withLock { $0.world.inventoryRevision } }

    /// `inventoryRevision` without a droplet's own fields changed in place: what the domains,
    /// volumes, firewalls, load balancers and projects listings serve moves only with this.
    public var revisionBeyondDroplets: UInt64 { state.withLock { $0.world.revisionBeyondDroplets } }

    /// Moves only when an invoice is issued, a billing-history entry comes due or a billing
    /// setting changes: the issued invoices and their CSVs move with nothing else.
    public var billingRevision: UInt64 { state.withLock { $0.world.billingRevision } }

    public var requestCount: Int { state.withLock { $0.api.requestCount } }

    /// What clients changed over the API, in order: a recording's timeline.
    public var recordedChanges: [RecordedChange] { state.withLock { $0.recorded } }

    /// Runs a world mutation under the lock; a refused mutation leaves the world unchanged.
    func mutate<T: Sendable>(_ body: (inout FakeWorld) throws(FakeWorldError) -> T) throws(FakeWorldError) -> T {
        try state.withLock { state throws(FakeWorldError) in try body(&state.world) }
    }
}
