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
        let status = DriftFinding.Columns.status
        for row in try DriftFinding.select(status, count(status).forKey("count")).group(status).asRequest(of: Row.self).fetchAll(db) {
            let count: Int = try row.decode(forColumn: "count")
            switch try row.decode(DriftStatus.self, forColumn: status) {
            case .open: counts.open = count
            case .accepted: counts.accepted = count
            case .reverted: counts.reverted = count
            case .stale: counts.stale = count
            case .ignored: counts.ignored = count
            }
        }
        return counts
    }
}
