import DigitalOcean
import GRDB
import MoneyAndTime

/// The operator's drift ignore rules in the ledger (`drift_ignore_rules`), so the running service's
/// sweeps apply them (`JobScheduler` adds them to its runner's rules). A scenario keeps its rules in
/// its file instead; simulations never write this table.
public struct IgnoreRuleStore: Sendable {
    public let ledger: Ledger

    public init(ledger: Ledger) { self.ledger = ledger }

    /// Every stored rule, by id.
    public func all() throws -> [IgnoreRule] {
        try ledger.read(Self.all)
    }

    static func all(_ db: Database) throws -> [IgnoreRule] {
        try IgnoreRuleRow.order(IgnoreRuleRow.Columns.id).fetchAll(db).map(\.rule)
    }

    /// Adds a rule; its id must be new and it must select something.
    public func add(_ rule: IgnoreRule) throws {
        guard rule.kind != nil || rule.nameGlob != nil || rule.tag != nil else { throw IgnoreRuleError.selectsEverything(id: rule.id) }
        try ledger.writer.write { db in
            guard try IgnoreRuleRow.fetchOne(db, key: rule.id) == nil else { throw IgnoreRuleError.duplicate(id: rule.id) }
            try IgnoreRuleRow(rule: rule).insert(db)
        }
    }

    /// Migration `v7-drift-ignore-rules`.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE drift_ignore_rules (
                id TEXT PRIMARY KEY,
                kind TEXT,
                name_glob TEXT,
                tag TEXT,
                field TEXT NOT NULL,
                reason TEXT NOT NULL,
                expires TEXT NOT NULL,
                CHECK (kind IS NOT NULL OR name_glob IS NOT NULL OR tag IS NOT NULL)
            )
            """)
    }
}

/// Why a rule was refused; the ledger is left as it was.
public enum IgnoreRuleError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicate(id: String)
    case selectsEverything(id: String)

    public var description: String {
        switch self {
        case .duplicate(let id): "an ignore rule with id '\(id)' already exists"
        case .selectsEverything(let id): "ignore rule '\(id)' selects nothing in particular: give a kind, a name glob or a tag"
        }
    }
}

/// One `drift_ignore_rules` row.
struct IgnoreRuleRow: Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "drift_ignore_rules"

    enum Columns: String, ColumnExpression {
        case id, kind, nameGlob = "name_glob", tag, field, reason, expires
    }

    var rule: IgnoreRule

    init(rule: IgnoreRule) { self.rule = rule }

    init(row: Row) throws {
        rule = IgnoreRule(id: try row.decode(forColumn: Columns.id), kind: try row.decode(forColumn: Columns.kind),
                          nameGlob: try row.decode(forColumn: Columns.nameGlob), tag: try row.decode(forColumn: Columns.tag),
                          field: try row.decode(forColumn: Columns.field), reason: try row.decode(forColumn: Columns.reason),
                          expires: try row.decode(forColumn: Columns.expires))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = rule.id
        container[Columns.kind] = rule.kind
        container[Columns.nameGlob] = rule.nameGlob
        container[Columns.tag] = rule.tag
        container[Columns.field] = rule.field
        container[Columns.reason] = rule.reason
        container[Columns.expires] = rule.expires
    }
}
