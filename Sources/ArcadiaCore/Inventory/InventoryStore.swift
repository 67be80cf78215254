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
    ///
    /// With `texts`, the canonical text of attributes unchanged since the last listing is reused
    /// rather than written again (`AttributeTextMemo`).
    public static func reconcile(_ db: Database, kind: ResourceKind, observed: [ObservedResource], at now: Timestamp,
                                 texts: AttributeTextMemo? = nil) throws -> ReconcileOutcome {
        var outcome = ReconcileOutcome()
        let missingSince = try ListingOutage.end(db, kind: kind) ?? now
        var existing = try storedByProviderID(db, kind: kind)
        for resource in observed {
            precondition(resource.kind == kind, "a \(resource.kind) in a \(kind) listing")
            guard let stored = existing.removeValue(forKey: resource.providerID) else {
                try insert(db, resource, at: now, outcome: &outcome)
                continue
            }
            let attributesText = texts?.text(for: resource) ?? JSONValue.object(resource.attributes).canonical
            try update(db, stored: stored, observed: resource, attributesText: attributesText, at: now, outcome: &outcome)
        }
        // A second listing at the instant of the last miss (a re-run) counts nothing again.
        for stored in existing.values.sorted(by: { $0.id < $1.id }) where stored.staleAt == nil && stored.lastMissedAt != now {
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
            } else {
                try db.cachedStatement(sql: "UPDATE cloud_resources SET missed_listings = ?, missing_since = ?, last_missed_at = ? WHERE id = ?")
                    .execute(arguments: [misses, since, now, stored.id])
                outcome.pendingMisses += 1
            }
        }
        return outcome
    }

    /// Every stored resource of `kind` by provider id. A cached statement: this runs on every
    /// complete listing.
    private static func storedByProviderID(_ db: Database, kind: ResourceKind) throws -> [String: CloudResource] {
        let statement = try db.cachedStatement(sql: "SELECT * FROM cloud_resources WHERE kind = ?")
        let resources = try CloudResource.fetchCursor(statement, arguments: [kind])
        var byProviderID: [String: CloudResource] = [:]
        while let resource = try resources.next() {
            byProviderID[resource.providerID] = resource
        }
        return byProviderID
    }

    private static func insert(_ db: Database, _ resource: ObservedResource, at now: Timestamp, outcome: inout ReconcileOutcome) throws {
        try db.cachedStatement(sql: """
            INSERT INTO cloud_resources (kind, provider_id, name, status, region, size_slug, attributes, first_seen_at, last_changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [resource.kind, resource.providerID, resource.name, resource.status, resource.region,
                             resource.sizeSlug, JSONValue.object(resource.attributes).canonical, now, now])
        try logEvent(db, resourceID: db.lastInsertedRowID, at: now, event: .created, newValue: resource.name, outcome: &outcome)
        outcome.created += 1
    }

    private static func update(_ db: Database, stored: CloudResource, observed: ObservedResource, attributesText: String, at now: Timestamp,
                               outcome: inout ReconcileOutcome) throws {
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
        guard !changes.isEmpty || stored.staleAt != nil || stored.missedListings > 0 else { return }
        try db.cachedStatement(sql: """
            UPDATE cloud_resources
            SET name = ?, status = ?, region = ?, size_slug = ?, attributes = ?, missed_listings = 0, missing_since = NULL, stale_at = NULL,
                last_changed_at = CASE WHEN ? THEN ? ELSE last_changed_at END
            WHERE id = ?
            """).execute(arguments: [observed.name, observed.status, observed.region, observed.sizeSlug, attributesText,
                             !changes.isEmpty, now, stored.id])
    }

    static func logEvent(_ db: Database, resourceID: Int64, at now: Timestamp, event: ResourceEventKind, field: String? = nil,
                         oldValue: String? = nil, newValue: String? = nil, outcome: inout ReconcileOutcome) throws {
        try db.cachedStatement(sql: """
            INSERT INTO cloud_resource_events (resource_id, at, event, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [resourceID, now, event, field, oldValue, newValue])
        outcome.eventsWritten += 1
    }
}
