import GRDB

/// Writes the ledgers in their canonical, line-oriented form: tab-separated with a header line,
/// a stable order that never depends on row ids or hash order, times as `…Z`, NULL as an empty
/// field, and tabs, newlines and backslashes escaped so one record is always one line.
public enum LedgerExport {
    public static func export(_ ledger: Ledger) throws -> [LedgerFile] {
        try ledger.read { db in
            [
                try table(db, name: "projects.tsv", sql: """
                    SELECT name, provider_id, environment, is_default, first_seen_at, last_changed_at, missed_listings, stale_at
                    FROM cloud_projects ORDER BY name, provider_id
                    """),
                try table(db, name: "inventory.tsv", sql: """
                    SELECT r.kind, r.name, r.provider_id, r.status, r.region, r.size_slug, p.name AS project,
                           r.first_seen_at, r.last_changed_at, r.missed_listings, r.stale_at, r.attributes
                    FROM cloud_resources r LEFT JOIN cloud_projects p ON p.id = r.project_id
                    ORDER BY r.kind, r.name, r.provider_id
                    """),
                try table(db, name: "events.tsv", sql: """
                    SELECT e.at, r.kind, r.name, r.provider_id, e.event, e.field, e.old_value, e.new_value
                    FROM cloud_resource_events e JOIN cloud_resources r ON r.id = e.resource_id
                    ORDER BY e.at, e.id
                    """),
                try table(db, name: "sync_failures.tsv", sql: """
                    SELECT at, worker, page, error FROM cloud_sync_failures ORDER BY at, id
                    """),
                try table(db, name: "provisioned.tsv", sql: """
                    SELECT r.kind, r.name, r.provider_id, p.spec_version, p.recorded_at, p.spec
                    FROM cloud_provisioned p JOIN cloud_resources r ON r.id = p.resource_id
                    ORDER BY r.kind, r.name, r.provider_id
                    """),
                try table(db, name: "drift.tsv", sql: """
                    SELECT d.opened_at, r.kind, r.name, r.provider_id, d.field, d.status, d.desired, d.live,
                           d.closed_at, d.ignore_rule, d.note
                    FROM cloud_drift d JOIN cloud_resources r ON r.id = d.resource_id
                    ORDER BY d.opened_at, r.kind, r.name, r.provider_id, d.field, d.id
                    """),
            ] + (try CostLedgerExport.export(db))
                + (try TenancyLedgerExport.export(db)) + (try UsageLedgerExport.export(db)) + (try RevenueLedgerExport.export(db))
        }
    }

    static func table(_ db: Database, name: String, sql: String) throws -> LedgerFile {
        let statement = try db.makeStatement(sql: sql)
        var out = statement.columnNames.joined(separator: "\t") + "\n"
        let rows = try Row.fetchCursor(statement)
        while let row = try rows.next() {
            var first = true
            for value in row.databaseValues {
                if !first { out += "\t" }
                first = false
                out += field(value)
            }
            out += "\n"
        }
        return LedgerFile(name: name, content: out)
    }

    /// A file built from values already read (through a record's loader): the same form as `table`.
    static func tsv(name: String, columns: [String], rows: [[String?]]) -> LedgerFile {
        var out = columns.joined(separator: "\t") + "\n"
        for row in rows {
            out += row.map { $0.map(escape) ?? "" }.joined(separator: "\t") + "\n"
        }
        return LedgerFile(name: name, content: out)
    }

    static func field(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return ""
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return escape(text)
        case .blob(let data): return data.map { String($0, radix: 16) }.joined()
        }
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out
    }
}
