import DigitalOcean
import GRDB
import Logging
import MoneyAndTime

/// The inventory sync workers. Each follows one pattern: list all pages → normalize → upsert
/// through `InventoryStore` → count misses toward stale. A listing that fails partway is recorded
/// as a failure and counts nothing.
public struct InventorySync: Sendable {
    public var client: DigitalOceanClient
    public var ledger: Ledger
    public var clock: EngineClock
    public var logger: Logger
    /// The ledger's inventory rows as the last reconcile left them, so a listing where little
    /// changed reconciles only what did (nil: read them from the ledger every time).
    public var mirror: InventoryMirror?
    /// Each droplet's backups as last listed, so the backups worker lists only droplets whose
    /// `backup_ids` changed (nil: it lists every droplet's, each time).
    public var backupListings: BackupListings? = BackupListings()

    public init(client: DigitalOceanClient, ledger: Ledger, clock: EngineClock, logger: Logger = Logger(label: "arcadia.sync")) {
        self.client = client
        self.ledger = ledger
        self.clock = clock
        self.logger = logger
    }

    public func syncDroplets() async throws -> SyncReport {
        try await syncKind(.syncDroplets) {
            let droplets = try await client.list(.droplets, decoding: InventoryDroplet.self, transform: ListedDroplet.init)
            return Listing(items: droplets.items.map(\.observed), pageCount: droplets.pageCount, total: droplets.total,
                           rateLimit: droplets.rateLimit)
        }
    }

    public func syncVolumes() async throws -> SyncReport {
        try await syncKind(.syncVolumes) {
            try await client.list(.volumes, decoding: Volume.self, transform: Normalize.volume)
        }
    }

    public func syncReservedIPs() async throws -> SyncReport {
        try await syncKind(.syncReservedIPs) {
            try await client.list(.reservedIPs, decoding: InventoryReservedIP.self, transform: Normalize.reservedIP)
        }
    }

    public func syncDomains() async throws -> SyncReport {
        try await syncKind(.syncDomains) {
            try await client.list(.domains, decoding: Domain.self, transform: Normalize.domain)
        }
    }

    /// The listing comes normalized (`DigitalOceanClient.list(…transform:)`), so a memoized client
    /// hands back, for an unchanged element, the very observation it made last time.
    func syncKind(_ job: JobID, list: () async throws -> Listing<ObservedResource>) async throws -> SyncReport {
        guard let kind = Self.listedKind(job) else { preconditionFailure("\(job.rawValue) does not list one kind") }
        let now = clock.now()
        let listing: Listing<ObservedResource>
        do {
            listing = try await list()
        } catch {
            return SyncReport(job: job, complete: false, failures: [try recordFailure(job, error: error, at: now, kinds: { _ in [kind] })])
        }
        let observed = listing.items
        let (outcome, written) = try write { db in
            // Taken out here, so the reconcile holds the only reference and updates the rows in
            // place rather than copying a thousand of them on its first change.
            try InventoryStore.reconcile(db, kind: kind, observed: observed, at: now, known: mirror?.take(kind))
        }
        mirror?.put(kind, written)
        if !outcome.isQuiet {
            logger.debug("\(job.rawValue): \(outcome.created) created, \(outcome.changed) changed, \(outcome.markedStale) stale")
        }
        return SyncReport(job: job, listed: observed.count, pages: listing.pageCount, outcome: outcome)
    }

    /// Pass one upserts the projects; pass two walks each project's resources, discovers the kinds
    /// no worker lists (`ProjectDiscovery`) and attributes them. A project whose resource listing
    /// fails is skipped this time and makes the pass incomplete; attribution is never undone by a
    /// failure.
    public func syncProjects() async throws -> SyncReport {
        let now = clock.now()
        let projects: Listing<Project>
        do {
            projects = try await client.projects()
        } catch {
            return SyncReport(job: .syncProjects, complete: false,
                              failures: [try recordFailure(.syncProjects, error: error, at: now, kinds: ProjectDiscovery.kinds)])
        }
        let observed = projects.items.map(Normalize.project)
        let (outcome, rowIDs) = try write { db in
            try ProjectStore.reconcile(db, observed: observed, at: now)
        }
        var report = SyncReport(job: .syncProjects, listed: observed.count, pages: projects.pageCount, outcome: outcome)
        var known = mirror?.takeAttributed()
        var assignments: [ProjectStore.Assignment] = []
        var placeholders: [ObservedResource] = []
        for project in projects.items {
            let resources: Listing<ProjectMember>
            do {
                resources = try await client.list(.projectResources(projectID: project.id),
                                                  decoding: ProjectResource.self, transform: ProjectMember.init)
            } catch {
                report.failures.append(try recordFailure(.syncProjects, error: error, at: now, kinds: ProjectDiscovery.kinds))
                report.complete = false
                continue
            }
            // A project listing the very members it did at a pass that attributed them all needs
            // no attribution: another project's listing would show any move.
            let rowID = rowIDs[project.id]
            let settled = resources.repeatsLast && rowID.map { known?.isSettled($0) == true } == true
            var members: [(kind: ResourceKind, providerID: String)] = []
            for member in resources.items {
                guard let resource = member.resource else {
                    report.attribution.unknownTypes.append(member.urn)
                    continue
                }
                if let type = member.unknownType { report.attribution.unknownTypes.append(type) }
                if !settled { members.append(resource) }
                if let placeholder = member.placeholder { placeholders.append(placeholder) }
            }
            if let rowID, !settled {
                assignments.append(ProjectStore.Assignment(projectRowID: rowID, projectName: project.name, members: members))
            }
        }
        report.attribution.unknownTypes = Array(Set(report.attribution.unknownTypes)).sorted()
        // Discovery needs every project's listing: a URN missing because its project's listing
        // failed is not missing, so an incomplete pass discovers nothing and counts no miss.
        let complete = report.complete
        let (attribution, discovery, attributed) = try write { db in
            let discovery = complete ? try ProjectDiscovery.reconcile(db, observed: placeholders, at: now) : ReconcileOutcome()
            let (attribution, attributed) = try ProjectStore.attribute(db, assignments, at: now, known: known.take())
            return (attribution, discovery, attributed)
        }
        mirror?.putAttributed(attributed)
        report.outcome.add(discovery)
        report.attribution.attributed = attribution.attributed
        report.attribution.notYetSynced = attribution.notYetSynced
        return report
    }

    /// One transaction, run on the calling thread as every other engine's writes are. In an async
    /// function GRDB's `write` is its async overload, which hops to the database's queue and back:
    /// those two hops cost more than most reconciles (one write a sync run, two a projects pass).
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        try ledger.writer.write(body)
    }

    /// Logs a failed listing in `cloud_sync_failures`, and as an outage of the `kinds` it lists
    /// (`ListingOutage`), and returns what was recorded.
    func recordFailure(_ job: JobID, error: any Error, at now: Timestamp,
                       kinds: @Sendable (Database) throws -> [ResourceKind]) throws -> String {
        // A listing cut short by the service's shutdown did not fail: recording it would open an
        // outage that never happened. The run ends as cancelled, with nothing written.
        if Task.isCancelled { throw CancellationError() }
        let page: Int? = if case DigitalOceanError.listingFailed(_, let page, _) = error { page } else { nil }
        let message = String(describing: error)
        let failing = try ledger.writer.write { db in
            try SyncFailure(at: now, worker: job.rawValue, page: page, error: message).insert(db)
            let failing = try kinds(db)
            for kind in failing { try ListingOutage.recordFailure(db, kind: kind, at: now) }
            return failing
        }
        mirror?.outageRecorded(failing)
        logger.warning("\(job.rawValue) failed: \(message)")
        return message
    }
}
