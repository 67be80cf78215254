import GRDB
import MoneyAndTime

/// What the sync's upsert reads of a stored `cloud_resources` row: the observed fields it
/// compares and the miss counters it moves. Nothing else (the project, the times of first sight
/// and last change), so a copy kept between listings (`InventoryMirror`) holds nothing that other
/// writers change.
struct InventoryRow: Sendable, FetchableRecord {
    var id: Int64
    var providerID: String
    var name: String
    var status: String
    var region: String?
    var sizeSlug: String?
    var attributesText: String
    var missedListings: Int
    var lastMissedAt: Timestamp?
    var missingSince: Timestamp?
    var staleAt: Timestamp?
    /// The observation the row's fields were last written from or found equal to. A listing that
    /// hands back the very same value (a memoized client does, for unchanged bytes) compares equal
    /// at once, through shared storage.
    var observed: ObservedResource?

    static let selection = """
        SELECT id, provider_id, name, status, region, size_slug, attributes, missed_listings, last_missed_at, missing_since, stale_at
        FROM cloud_resources WHERE kind = ?
        """

    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        providerID = try row.decode(forColumn: "provider_id")
        name = try row.decode(forColumn: "name")
        status = try row.decode(forColumn: "status")
        region = try row.decode(forColumn: "region")
        sizeSlug = try row.decode(forColumn: "size_slug")
        attributesText = try row.decode(forColumn: "attributes")
        missedListings = try row.decode(forColumn: "missed_listings")
        lastMissedAt = try row.decode(forColumn: "last_missed_at")
        missingSince = try row.decode(forColumn: "missing_since")
        staleAt = try row.decode(forColumn: "stale_at")
    }

    /// The row an insert of `observed` writes.
    init(id: Int64, inserting observed: ObservedResource, attributesText: String) {
        self.id = id
        providerID = observed.providerID
        (name, status, self.attributesText, missedListings) = ("", "", "", 0)
        record(observed, attributesText: attributesText)
    }

    /// The row as an insert or update from `observed` leaves it: its fields, listed and live.
    mutating func record(_ observed: ObservedResource, attributesText: String) {
        name = observed.name
        status = observed.status
        region = observed.region
        sizeSlug = observed.sizeSlug
        self.attributesText = attributesText
        missedListings = 0
        missingSince = nil
        staleAt = nil
        self.observed = observed
    }

    struct FieldChange: Equatable {
        var field: String
        var old: String?
        var new: String?
    }

    /// The fields that differ, top-level fields first, then attributes by key. Attributes are
    /// compared as canonical text first, so the common unchanged case parses nothing.
    func changes(to observed: ObservedResource, attributesText observedText: String) -> [FieldChange] {
        var changes: [FieldChange] = []
        if name != observed.name { changes.append(FieldChange(field: "name", old: name, new: observed.name)) }
        if status != observed.status { changes.append(FieldChange(field: "status", old: status, new: observed.status)) }
        if region != observed.region { changes.append(FieldChange(field: "region", old: region, new: observed.region)) }
        if sizeSlug != observed.sizeSlug { changes.append(FieldChange(field: "size_slug", old: sizeSlug, new: observed.sizeSlug)) }
        if attributesText != observedText {
            let old = CloudResource.decodeAttributes(attributesText)
            for key in Set(old.keys).union(observed.attributes.keys).sorted() where old[key] != observed.attributes[key] {
                changes.append(FieldChange(field: key, old: old[key]?.display, new: observed.attributes[key]?.display))
            }
        }
        return changes
    }
}
