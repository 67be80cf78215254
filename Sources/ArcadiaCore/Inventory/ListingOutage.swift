import DigitalOcean
import GRDB
import MoneyAndTime

/// Listings of a kind that have been failing since an instant (`cloud_listing_outages`, one row per
/// kind while its listings fail). A resource that vanished during an outage could have gone at any
/// moment of it; the next complete listing dates its absence from the outage's first failure, not
/// from itself, so the time billed after it was last seen stays under one sync interval however
/// long the outage lasted. Written only when a failure starts or ends an outage, so identical
/// listings still write nothing.
public enum ListingOutage {
    /// Records a failed listing of `kind`; the first failure of an outage is the one kept.
    public static func recordFailure(_ db: Database, kind: ResourceKind, at time: Timestamp) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO cloud_listing_outages (kind, since) VALUES (?, ?)")
            .execute(arguments: [kind, time])
    }

    /// Ends `kind`'s outage (a complete listing arrived) and returns when it started, if it had one.
    static func end(_ db: Database, kind: ResourceKind) throws -> Timestamp? {
        guard let since = try Timestamp.fetchOne(db.cachedStatement(sql: "SELECT since FROM cloud_listing_outages WHERE kind = ?"),
                                                 arguments: [kind]) else { return nil }
        try db.cachedStatement(sql: "DELETE FROM cloud_listing_outages WHERE kind = ?").execute(arguments: [kind])
        return since
    }

    /// Every kind whose listings are failing, with when the outage began.
    static func open(_ db: Database) throws -> [ResourceKind: Timestamp] {
        var open: [ResourceKind: Timestamp] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, since FROM cloud_listing_outages") {
            open[try row.decode(forColumn: "kind")] = try row.decode(forColumn: "since")
        }
        return open
    }

    /// Migration `v8-listing-outages`: the outages, each resource's `missing_since`, and the
    /// instant of the last miss of each resource and project.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cloud_listing_outages (
                kind TEXT PRIMARY KEY,
                since TEXT NOT NULL
            );
            ALTER TABLE cloud_resources ADD COLUMN missing_since TEXT;
            ALTER TABLE cloud_resources ADD COLUMN last_missed_at TEXT;
            ALTER TABLE cloud_projects ADD COLUMN last_missed_at TEXT;
            """)
    }
}
