import DigitalOcean
import GRDB
import MoneyAndTime

/// One `cloud_provisioned` row: the desired state of one resource, as canonical JSON text.
public struct ProvisionedSpec: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cloud_provisioned"

    public enum Columns: String, ColumnExpression {
        case id, resourceID = "resource_id", spec, specVersion = "spec_version", recordedAt = "recorded_at"
    }

    public var resourceID: Int64
    /// A JSON object, canonical, so "the same spec again" is a text comparison.
    public var spec: String
    public var specVersion: Int
    public var recordedAt: Timestamp

    public init(resourceID: Int64, spec: String, specVersion: Int, recordedAt: Timestamp) {
        self.resourceID = resourceID
        self.spec = spec
        self.specVersion = specVersion
        self.recordedAt = recordedAt
    }

    public init(row: Row) throws {
        resourceID = try row.decode(forColumn: Columns.resourceID)
        spec = try row.decode(forColumn: Columns.spec)
        specVersion = try row.decode(forColumn: Columns.specVersion)
        recordedAt = try row.decode(forColumn: Columns.recordedAt)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.resourceID] = resourceID
        container[Columns.spec] = spec
        container[Columns.specVersion] = specVersion
        container[Columns.recordedAt] = recordedAt
    }

    /// The spec's fields (canonical text always decodes; damaged text reads as none).
    var fields: [String: JSONValue] { CloudResource.decodeAttributes(spec) }
}
