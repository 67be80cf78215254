import GRDB

/// One `tenants` row: a customer of the platform, billed per its country's tax.
public struct Tenant: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tenants"

    public enum Columns: String, ColumnExpression {
        case id, code, name, country
    }

    public var id: Int64
    public var code: String
    public var name: String
    /// ISO 3166 two-letter code: it picks the tax rate.
    public var country: String

    public init(id: Int64, code: String, name: String, country: String) {
        self.id = id
        self.code = code
        self.name = name
        self.country = country
    }

    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        code = try row.decode(forColumn: Columns.code)
        name = try row.decode(forColumn: Columns.name)
        country = try row.decode(forColumn: Columns.country)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.code] = code
        container[Columns.name] = name
        container[Columns.country] = country
    }
}
