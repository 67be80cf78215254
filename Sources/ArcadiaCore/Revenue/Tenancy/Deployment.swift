import GRDB

/// One `deployments` row: a tenant's deployment, which owns one DO project by name.
public struct Deployment: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "deployments"

    public enum Columns: String, ColumnExpression {
        case id, code, tenantID = "tenant_id", name, projectName = "project_name"
    }

    public var id: Int64
    public var code: String
    public var tenantID: Int64
    public var name: String
    public var projectName: String

    public init(id: Int64, code: String, tenantID: Int64, name: String, projectName: String) {
        self.id = id
        self.code = code
        self.tenantID = tenantID
        self.name = name
        self.projectName = projectName
    }

    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        code = try row.decode(forColumn: Columns.code)
        tenantID = try row.decode(forColumn: Columns.tenantID)
        name = try row.decode(forColumn: Columns.name)
        projectName = try row.decode(forColumn: Columns.projectName)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.code] = code
        container[Columns.tenantID] = tenantID
        container[Columns.name] = name
        container[Columns.projectName] = projectName
    }
}
