import GRDB

/// The ledger's tables, as GRDB migrations. `docs/ledger-schema.md` describes them; table names
/// follow the seed system's so its queries keep working.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-inventory") { db in
            try db.execute(sql: """
                CREATE TABLE cloud_projects (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    provider_id TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    environment TEXT,
                    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
                    first_seen_at TEXT NOT NULL,
                    last_changed_at TEXT NOT NULL,
                    missed_listings INTEGER NOT NULL DEFAULT 0 CHECK (missed_listings >= 0),
                    stale_at TEXT
                );
                CREATE TABLE cloud_resources (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    provider_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    region TEXT,
                    size_slug TEXT,
                    attributes TEXT NOT NULL DEFAULT '{}',
                    project_id INTEGER REFERENCES cloud_projects(id),
                    first_seen_at TEXT NOT NULL,
                    last_changed_at TEXT NOT NULL,
                    missed_listings INTEGER NOT NULL DEFAULT 0 CHECK (missed_listings >= 0),
                    stale_at TEXT,
                    UNIQUE (kind, provider_id)
                );
                CREATE INDEX cloud_resources_project ON cloud_resources(project_id);
                CREATE TABLE cloud_resource_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    resource_id INTEGER NOT NULL REFERENCES cloud_resources(id),
                    at TEXT NOT NULL,
                    event TEXT NOT NULL CHECK (event IN ('created', 'changed', 'attributed', 'stale', 'revived')),
                    field TEXT,
                    old_value TEXT,
                    new_value TEXT
                );
                CREATE INDEX cloud_resource_events_resource ON cloud_resource_events(resource_id, at);
                CREATE TABLE cloud_sync_failures (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    worker TEXT NOT NULL,
                    page INTEGER,
                    error TEXT NOT NULL
                );
                """)
        }
        return migrator
    }
}
