import DigitalOcean
import GRDB
import MoneyAndTime

/// Upserts DO projects and attributes resources to them: the two passes of the projects worker.
public enum ProjectStore {
    /// Applies one complete projects listing, with the same three-strike staleness as resources.
    /// Returns the ledger row id of every listed project, keyed by provider id.
    public static func reconcile(_ db: Database, observed: [ObservedProject], at now: Timestamp) throws -> (outcome: ReconcileOutcome, rowIDs: [String: Int64]) {
        var outcome = ReconcileOutcome()
        var existing: [String: CloudProject] = [:]
        for project in try CloudProject.all(db) {
            existing[project.providerID] = project
        }
        var rowIDs: [String: Int64] = [:]
        for project in observed {
            guard let stored = existing.removeValue(forKey: project.providerID) else {
                try db.cachedStatement(sql: """
                    INSERT INTO cloud_projects (provider_id, name, description, environment, is_default, first_seen_at, last_changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [project.providerID, project.name, project.description, project.environment, project.isDefault, now, now])
                rowIDs[project.providerID] = db.lastInsertedRowID
                outcome.created += 1
                continue
            }
            rowIDs[project.providerID] = stored.id
            let changed = stored.differs(from: project)
            if changed { outcome.changed += 1 }
            if stored.staleAt != nil { outcome.revived += 1 }
            guard changed || stored.staleAt != nil || stored.missedListings > 0 else { continue }
            try db.cachedStatement(sql: """
                UPDATE cloud_projects SET name = ?, description = ?, environment = ?, is_default = ?, missed_listings = 0, stale_at = NULL,
                    last_changed_at = CASE WHEN ? THEN ? ELSE last_changed_at END
                WHERE id = ?
                """).execute(arguments: [project.name, project.description, project.environment, project.isDefault, changed, now, stored.id])
        }
        // A second listing at the instant of the last miss (a re-run) counts nothing again.
        for (_, stored) in existing.sorted(by: { $0.value.id < $1.value.id }) where stored.staleAt == nil && stored.lastMissedAt != now {
            let misses = stored.missedListings + 1
            outcome.missed += 1
            let stale = misses >= InventoryStore.staleAfterMisses
            try db.cachedStatement(sql: "UPDATE cloud_projects SET missed_listings = ?, last_missed_at = ?, stale_at = ? WHERE id = ?")
                .execute(arguments: [misses, now, stale ? now : nil, stored.id])
            if stale { outcome.markedStale += 1 } else { outcome.pendingMisses += 1 }
        }
        return (outcome, rowIDs)
    }

    /// The resources one project listed, in listing order.
    public struct Assignment: Sendable {
        public var projectRowID: Int64
        public var projectName: String
        public var members: [(kind: ResourceKind, providerID: String)]
        public init(projectRowID: Int64, projectName: String, members: [(kind: ResourceKind, providerID: String)]) {
            self.projectRowID = projectRowID
            self.projectName = projectName
            self.members = members
        }
    }

    /// Attributes the resources each project lists to it, in one pass over one snapshot of the
    /// inventory (a lookup per URN was a tenth of a busy simulation). A resource in a kind the
    /// ledger has not synced yet is left for the next pass; attribution is never cleared by
    /// absence, because DO drops a destroyed resource from its project and the ledger keeps where
    /// it last was.
    public static func attribute(_ db: Database, _ assignments: [Assignment], at now: Timestamp) throws -> AttributionOutcome {
        try attribute(db, assignments, at: now, known: nil).outcome
    }

    /// The same, starting from `known`, where the last attribution left the members it found (nil:
    /// read every resource), and returning where this one leaves them (`InventoryMirror`). A
    /// member still in the project it was attributed to costs a lookup; only the others (new,
    /// moved, or not synced last time) are looked up in the ledger.
    static func attribute(_ db: Database, _ assignments: [Assignment], at now: Timestamp,
                          known: consuming Attributed?) throws -> (outcome: AttributionOutcome, attributed: Attributed) {
        var outcome = AttributionOutcome()
        // Read when the first attribution is written: most passes (with a mirror) write none.
        var projectNames: [Int64: String]?
        func projectName(_ id: Int64?) throws -> String? {
            guard let id else { return nil }
            if projectNames == nil { projectNames = Dictionary(uniqueKeysWithValues: try CloudProject.all(db).map { ($0.id, $0.name) }) }
            return projectNames?[id]
        }
        let memoized = known != nil
        var attributed = try (consume known) ?? Attributed(resources: allResources(db))
        var events = ReconcileOutcome()
        for assignment in assignments {
            attributed.settled.insert(assignment.projectRowID)
            for member in assignment.members {
                let key = ResourceKey(kind: member.kind, providerID: member.providerID)
                if memoized, attributed.resources[key]?.projectID == assignment.projectRowID { continue }
                guard let resource = try memoized ? resource(db, key) : attributed.resources[key] else {
                    outcome.notYetSynced += 1
                    attributed.settled.remove(assignment.projectRowID)
                    continue
                }
                attributed.resources[key] = (resource.id, assignment.projectRowID)
                guard resource.projectID != assignment.projectRowID else { continue }
                try db.cachedStatement(sql: "UPDATE cloud_resources SET project_id = ? WHERE id = ?")
                    .execute(arguments: [assignment.projectRowID, resource.id])
                try InventoryStore.logEvent(db, resourceID: resource.id, at: now, event: .attributed, field: "project",
                                            oldValue: try projectName(resource.projectID), newValue: assignment.projectName,
                                            outcome: &events)
                outcome.attributed += 1
            }
        }
        return (outcome, attributed)
    }

    /// Resources by (kind, provider id) with the project each is in: the whole inventory at the
    /// first pass, then (with a mirror) the ones attribution has met.
    struct Attributed: Sendable {
        fileprivate var resources: [ResourceKey: (id: Int64, projectID: Int64?)]
        /// Projects (row ids) whose every listed member the last pass over them attributed.
        fileprivate var settled: Set<Int64> = []

        /// Whether a project listing the same members as at its last pass needs none: each is
        /// attributed to it, and only a listing of it or of another project changes that.
        func isSettled(_ projectRowID: Int64) -> Bool {
            settled.contains(projectRowID)
        }
    }

    private static func allResources(_ db: Database) throws -> [ResourceKey: (id: Int64, projectID: Int64?)] {
        var resources: [ResourceKey: (id: Int64, projectID: Int64?)] = [:]
        let rows = try CloudResource.select(CloudResource.Columns.kind, CloudResource.Columns.providerID, CloudResource.Columns.id,
                                            CloudResource.Columns.projectID).asRequest(of: Row.self).fetchCursor(db)
        while let row = try rows.next() {
            resources[ResourceKey(kind: try row.decode(forColumn: CloudResource.Columns.kind),
                                  providerID: try row.decode(forColumn: CloudResource.Columns.providerID))]
                = (try row.decode(forColumn: CloudResource.Columns.id), try row.decode(forColumn: CloudResource.Columns.projectID))
        }
        return resources
    }

    private static func resource(_ db: Database, _ key: ResourceKey) throws -> (id: Int64, projectID: Int64?)? {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, project_id FROM cloud_resources WHERE kind = ? AND provider_id = ?"),
                                       arguments: [key.kind, key.providerID])
        guard let row = try rows.next() else { return nil }
        return (try row.decode(forColumn: CloudResource.Columns.id), try row.decode(forColumn: CloudResource.Columns.projectID))
    }

    fileprivate struct ResourceKey: Hashable {
        var kind: ResourceKind
        var providerID: String
    }
}

/// What an attribution pass did.
public struct AttributionOutcome: Sendable, Equatable {
    public var attributed = 0
    /// URNs naming a resource the ledger has not seen yet.
    public var notYetSynced = 0
    /// URNs whose type the URN table does not know, by type.
    public var unknownTypes: [String] = []
    public init() {}
}
