import GRDB

/// The drift tables (migration `v3-drift`), kept beside the engine that owns them; `LedgerSchema`
/// only registers the migration. `docs/ledgers.md` and `docs/drift.md` describe the columns.
enum DriftSchema {
    static func migrate(_ db: Database) throws {
        try relaxEventCheck(db)
        try db.execute(sql: """
            CREATE TABLE cloud_provisioned (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                resource_id INTEGER NOT NULL UNIQUE REFERENCES cloud_resources(id),
                spec TEXT NOT NULL CHECK (json_valid(spec) AND json_type(spec) = 'object'),
                spec_version INTEGER NOT NULL CHECK (spec_version >= 1),
                recorded_at TEXT NOT NULL
            );
            CREATE TABLE cloud_drift (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                resource_id INTEGER NOT NULL REFERENCES cloud_resources(id),
                field TEXT NOT NULL,
                desired TEXT NOT NULL,
                live TEXT,
                status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'reverted', 'stale', 'ignored')),
                opened_at TEXT NOT NULL,
                closed_at TEXT,
                ignore_rule TEXT,
                note TEXT,
                CHECK (status <> 'open' OR closed_at IS NULL),
                CHECK (status NOT IN ('accepted', 'reverted', 'stale') OR closed_at IS NOT NULL),
                CHECK ((status = 'ignored') = (ignore_rule IS NOT NULL))
            );
            CREATE UNIQUE INDEX cloud_drift_one_active ON cloud_drift(resource_id, field) WHERE closed_at IS NULL;
            CREATE INDEX cloud_drift_status ON cloud_drift(status);
            """)
    }

    /// SQLite cannot alter a CHECK constraint, and v1's lists the allowed events. Rather than a second
    /// event table (two logs to read for one resource's history), the log is rebuilt with
    /// `drift_detected` allowed: rows are copied with their ids, so order and references are kept.
    /// Nothing references this table, so dropping the old one breaks no foreign key.
    private static func relaxEventCheck(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cloud_resource_events_v3 (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                resource_id INTEGER NOT NULL REFERENCES cloud_resources(id),
                at TEXT NOT NULL,
                event TEXT NOT NULL CHECK (event IN ('created', 'changed', 'attributed', 'stale', 'revived', 'drift_detected')),
                field TEXT,
                old_value TEXT,
                new_value TEXT
            );
            INSERT INTO cloud_resource_events_v3 (id, resource_id, at, event, field, old_value, new_value)
                SELECT id, resource_id, at, event, field, old_value, new_value FROM cloud_resource_events ORDER BY id;
            DROP TABLE cloud_resource_events;
            ALTER TABLE cloud_resource_events_v3 RENAME TO cloud_resource_events;
            CREATE INDEX cloud_resource_events_resource ON cloud_resource_events(resource_id, at);
            """)
    }
}
