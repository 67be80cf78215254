import DigitalOcean
import GRDB
import MoneyAndTime

/// Usage records are written once, so a day is metered for a resource only when the ledger knows
/// whether the resource lasted the day. It does not while the resource is being missed since
/// before the day's end (one or two misses, not yet stale), or while listings of its kind have been
/// failing since before the day's end (`ListingOutage`): a droplet destroyed during a listing
/// outage that spans the nightly run would otherwise be billed for the whole day, though the
/// inventory later dates its absence to the outage's start. Such a day is deferred
/// (`metering_deferred_days`) and metered again by each daily run until nothing in it is deferred.
struct MeteringDeferral {
    var dayEnd: Timestamp
    /// The kinds whose listings are failing, since when.
    var outages: [ResourceKind: Timestamp]

    init(_ db: Database, dayEnd: Timestamp) throws {
        self.dayEnd = dayEnd
        outages = try ListingOutage.open(db)
    }

    /// Whether the candidate's presence up to the day's end is still unknown. A stale resource's
    /// end is known (its `missing_since`).
    func defers(_ candidate: ObservedTimeline) -> Bool {
        guard candidate.staleAt == nil else { return false }
        if let missingSince = candidate.missingSince, missingSince < dayEnd { return true }
        if let since = outages[candidate.kind], since < dayEnd { return true }
        return false
    }

    /// Remembers a day with deferred resources, or forgets it once none are.
    static func record(_ db: Database, day: Timestamp, deferred: Bool) throws {
        if deferred {
            try db.execute(sql: "INSERT OR IGNORE INTO metering_deferred_days (day) VALUES (?)", arguments: [day])
        } else {
            try db.execute(sql: "DELETE FROM metering_deferred_days WHERE day = ?", arguments: [day])
        }
    }

    /// Deferred days before `day`, oldest first.
    static func days(_ db: Database, before day: Timestamp) throws -> [Timestamp] {
        try Timestamp.fetchAll(db.cachedStatement(sql: "SELECT day FROM metering_deferred_days WHERE day < ? ORDER BY day"), arguments: [day])
    }

    /// Every deferred day, oldest first.
    static func all(_ db: Database) throws -> [Timestamp] {
        try Timestamp.fetchAll(db, sql: "SELECT day FROM metering_deferred_days ORDER BY day")
    }

    /// Migration `v8-metering-deferred`.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE metering_deferred_days (day TEXT PRIMARY KEY)")
    }
}
