import DigitalOcean
import GRDB
import MoneyAndTime

/// The single chokepoint through which observed resources enter the ledger, keyed by
/// (kind, provider id). Every change it makes is logged in `cloud_resource_events`.
public enum InventoryStore {
    /// A resource absent from this many consecutive complete listings is stale.
    public static let staleAfterMisses = 3

    /// Applies one complete listing of `kind`: upserts what was observed and counts a miss for
    /// everything of that kind that was not. Call it only for complete listings; a listing that
    /// failed partway must never reach here, or it would count false misses.
    /// A listing identical to the ledger writes nothing.
    ///
    /// A resource's first miss records when it was last known to exist (`missing_since`): the
    /// first failed listing of an outage that preceded this listing, or else this listing. Its
    /// `stale` event carries that instant, and metering stops there (docs/revenue.md).
    public static func reconcile(_ db: Database, kind: ResourceKind, observed: [ObservedResource], at now: Timestamp) throws -> ReconcileOutcome {
        try reconcile(db, kind: kind, observed: observed, at: now, known: nil).outcome
    }

    /// The same, starting from `known`, the kind's rows as the last reconcile left them (nil:
    /// read them), and returning the rows as this one leaves them (`InventoryMirror`). An
    /// observation equal to the one a row was last written from costs a lookup and nothing else.
    static func reconcile(_ db: Database, kind: ResourceKind, observed: [ObservedResource], at now: Timestamp,
                          known: consuming Rows?) throws -> (outcome: ReconcileOutcome, rows: Rows) {
        var outcome = ReconcileOutcome()
        // Rows a reconcile left know that no outage was open then; only a failure recorded since
        // (`InventoryMirror.outageRecorded`) opens one.
        let missingSince = known?.outageClosed == true ? now : try ListingOutage.end(db, kind: kind) ?? now
        var rows = try (consume known) ?? stored(db, kind: kind)
        rows.outageClosed = true
        let liveBefore = rows.live
        var listedLive = 0
        var listed = [Bool](repeating: false, count: rows.count)
        // A re-listing comes in the order its rows were stored in, mostly as the very observations
        // they hold: the row after the last one found is tried first, by identity, then the lookup.
        var next = 0
        for resource in observed {
            precondition(resource.kind == kind, "a \(resource.kind) in a \(kind) listing")
            let found = next < rows.count && rows[next].observed?.isCopy(of: resource) == true ? next : rows.position(of: resource.providerID)
            guard let position = found, !listed[position] else {
                let position = rows.store(try insert(db, resource, at: now, outcome: &outcome))
                if position == listed.count { listed.append(true) }
                continue
            }
            listed[position] = true
            next = position + 1
            // Read in place: an unchanged row, nearly every one of a re-listing, is not copied.
            if rows[position].staleAt == nil {
                listedLive += 1
                if rows[position].missedListings == 0, rows[position].observed == resource {
                    // Equal, yet another value: the bytes changed only where the ledger keeps
                    // nothing (a droplet's `backup_ids`). Keep the listing's, which a memoized
                    // client hands back next time, so that comparison is by identity again.
                    if rows[position].observed?.isCopy(of: resource) != true { rows.adopt(resource, at: position) }
                    continue
                }
            }
            rows.store(try update(db, stored: rows[position], observed: resource, at: now, outcome: &outcome))
        }
        guard listedLive < liveBefore else { return (outcome, rows) }
        // A second listing at the instant of the last miss (a re-run) counts nothing again.
        let unlisted = rows.all.indices.filter { !listed[$0] && rows[$0].staleAt == nil && rows[$0].lastMissedAt != now }
        for var stored in unlisted.map({ rows[$0] }).sorted(by: { $0.id < $1.id }) {
            let misses = stored.missedListings + 1
            // A ledger from before `missing_since` existed has none for a resource already missed.
            let since = stored.missedListings == 0 ? missingSince : stored.missingSince ?? now
            outcome.missed += 1
            if misses >= staleAfterMisses {
                try db.cachedStatement(sql: "UPDATE cloud_resources SET missed_listings = ?, missing_since = ?, last_missed_at = ?, stale_at = ? WHERE id = ?")
                    .execute(arguments: [misses, since, now, now, stored.id])
                try logEvent(db, resourceID: stored.id, at: now, event: .stale, field: ResourceEvent.missingSinceField,
                             newValue: since.iso8601, outcome: &outcome)
                outcome.markedStale += 1
                stored.staleAt = now
            } else {
                try db.cachedStatement(sql: "UPDATE cloud_resources SET missed_listings = ?, missing_since = ?, last_missed_at = ? WHERE id = ?")
                    .execute(arguments: [misses, since, now, stored.id])
                outcome.pendingMisses += 1
            }
            stored.missedListings = misses
            stored.missingSince = since
            stored.lastMissedAt = now
            rows.store(stored)
        }
        return (outcome, rows)
    }

    /// A kind's stored rows, each at a fixed position found by provider id, with how many are not
    /// stale: when a listing has seen that many, it missed none, and the rows need not be walked.
    struct Rows: Sendable {
        private var positions: [String: Int] = [:]
        private(set) var all: [InventoryRow] = []
        private(set) var live = 0
        /// True once a reconcile has ended the kind's outage (or found none) and no listing of the
        /// kind has failed since.
        var outageClosed = false

        var count: Int { all.count }

        func position(of providerID: String) -> Int? { positions[providerID] }

        subscript(position: Int) -> InventoryRow { all[position] }

        /// Makes `observed`, found equal to the row's observation, the one the row holds.
        mutating func adopt(_ observed: ObservedResource, at position: Int) {
            all[position].observed = observed
        }

        /// Replaces the row of the same provider id, or adds it at the next position; returns its position.
        @discardableResult
        mutating func store(_ row: InventoryRow) -> Int {
            live += row.staleAt == nil ? 1 : 0
            if let position = positions[row.providerID] {
                live -= all[position].staleAt == nil ? 1 : 0
                all[position] = row
                return position
            }
            positions[row.providerID] = all.count
            all.append(row)
            return all.count - 1
        }
    }

    /// Every stored row of `kind`. A cached statement: without a mirror this runs on every
    /// complete listing.
    private static func stored(_ db: Database, kind: ResourceKind) throws -> Rows {
        let rows = try InventoryRow.fetchCursor(db.cachedStatement(sql: InventoryRow.selection), arguments: [kind])
        var byProviderID = Rows()
        while let row = try rows.next() {
            byProviderID.store(row)
        }
        return byProviderID
    }

    private static func insert(_ db: Database, _ resource: ObservedResource, at now: Timestamp,
                               outcome: inout ReconcileOutcome) throws -> InventoryRow {
        let attributesText = JSONValue.object(resource.attributes).canonical
        try db.cachedStatement(sql: """
            INSERT INTO cloud_resources (kind, provider_id, name, status, region, size_slug, attributes, first_seen_at, last_changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [resource.kind, resource.providerID, resource.name, resource.status, resource.region,
                             resource.sizeSlug, attributesText, now, now])
        let id = db.lastInsertedRowID
        try logEvent(db, resourceID: id, at: now, event: .created, newValue: resource.name, outcome: &outcome)
        outcome.created += 1
        return InventoryRow(id: id, inserting: resource, attributesText: attributesText)
    }

    private static func update(_ db: Database, stored: InventoryRow, observed: ObservedResource, at now: Timestamp,
                               outcome: inout ReconcileOutcome) throws -> InventoryRow {
        let attributesText = JSONValue.object(observed.attributes).canonical
        let changes = stored.changes(to: observed, attributesText: attributesText)
        if stored.staleAt != nil {
            try logEvent(db, resourceID: stored.id, at: now, event: .revived, outcome: &outcome)
            outcome.revived += 1
        }
        for change in changes {
            try logEvent(db, resourceID: stored.id, at: now, event: .changed, field: change.field,
                         oldValue: change.old, newValue: change.new, outcome: &outcome)
        }
        if !changes.isEmpty { outcome.changed += 1 }
        var row = stored
        row.observed = observed
        guard !changes.isEmpty || stored.staleAt != nil || stored.missedListings > 0 else { return row }
        try db.cachedStatement(sql: """
            UPDATE cloud_resources
            SET name = ?, status = ?, region = ?, size_slug = ?, attributes = ?, missed_listings = 0, missing_since = NULL, stale_at = NULL,
                last_changed_at = CASE WHEN ? THEN ? ELSE last_changed_at END
            WHERE id = ?
            """).execute(arguments: [observed.name, observed.status, observed.region, observed.sizeSlug, attributesText,
                             !changes.isEmpty, now, stored.id])
        row.record(observed, attributesText: attributesText)
        return row
    }

    static func logEvent(_ db: Database, resourceID: Int64, at now: Timestamp, event: ResourceEventKind, field: String? = nil,
                         oldValue: String? = nil, newValue: String? = nil, outcome: inout ReconcileOutcome) throws {
        try db.cachedStatement(sql: """
            INSERT INTO cloud_resource_events (resource_id, at, event, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [resourceID, now, event, field, oldValue, newValue])
        outcome.eventsWritten += 1
    }
}
