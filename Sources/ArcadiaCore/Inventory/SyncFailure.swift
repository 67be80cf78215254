import DigitalOcean
import GRDB
import MoneyAndTime

/// One `cloud_sync_failures` row: a job that failed (a listing, a balance reading, an invoice
/// listing or ingest), and why. Its columns fit every job: `worker` names the job, `page` is only
/// set for a listing page.
public struct SyncFailure: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cloud_sync_failures"

    public enum Columns: String, ColumnExpression {
        case id, at, worker, page, error
    }

    public var at: Timestamp
    /// The job that failed (`sync.droplets`, `cost.invoices`).
    public var worker: String
    /// The listing page that failed, when it was one.
    public var page: Int?
    public var error: String

    public init(at: Timestamp, worker: String, page: Int?, error: String) {
        self.at = at
        self.worker = worker
        self.page = page
        self.error = error
    }

    /// Every row, in the order the failures happened.
    public static func all(in ledger: Ledger) throws -> [SyncFailure] {
        try ledger.read { db in try SyncFailure.order(Columns.at, Columns.id).fetchAll(db) }
    }

    public init(row: Row) throws {
        at = try row.decode(forColumn: Columns.at)
        worker = try row.decode(forColumn: Columns.worker)
        page = try row.decode(forColumn: Columns.page)
        error = try row.decode(forColumn: Columns.error)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.at] = at
        container[Columns.worker] = worker
        container[Columns.page] = page
        container[Columns.error] = error
    }
}
