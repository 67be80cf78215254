import GRDB

/// How many findings the drift ledger holds in each status: the run summary's drift line.
public struct DriftCounts: Sendable, Equatable {
    public var open = 0
    public var accepted = 0
    public var reverted = 0
    public var stale = 0
    public var ignored = 0

    public init() {}

    public var total: Int { open + accepted + reverted + stale + ignored }

    static func fetch(_ db: Database) throws -> DriftCounts {
        var counts = DriftCounts()
        for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) FROM cloud_drift GROUP BY status") {
            let count: Int = row[1]
            switch DriftStatus(rawValue: row[0]) {
            case .open?: counts.open = count
            case .accepted?: counts.accepted = count
            case .reverted?: counts.reverted = count
            case .stale?: counts.stale = count
            case .ignored?: counts.ignored = count
            case nil: break
            }
        }
        return counts
    }
}
