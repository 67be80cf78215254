import DigitalOcean
import GRDB
import MoneyAndTime

/// Ties invoice lines to `cloud_resources` by (kind, name), case-insensitively in ASCII, and says
/// why a line matches nothing.
struct CostLineMatcher {
    var policy: MatchPolicy

    /// What became of one line.
    enum Outcome: Equatable {
        case matched(resourceID: Int64)
        case unmatched(UnmatchedReason)
    }

    func match(_ db: Database, _ line: InvoiceCSVLine, kind: CostKind) throws -> Outcome {
        switch kind {
        case .tax: return .unmatched(.tax)
        case .spacesBucket: return .unmatched(.accountLevelSubscription)
        default: break
        }
        guard let inventoryKind = kind.inventoryKind else { return .unmatched(.unknownProduct(line.product)) }
        let name = CostLineName.name(kind: kind, description: line.description, groupDescription: line.groupDescription)
        if let id = try resourceID(db, kind: inventoryKind, name: name, start: line.start, end: line.end) {
            return .matched(resourceID: id)
        }
        let earliest = try Timestamp.fetchOne(db.cachedStatement(sql: "SELECT MIN(first_seen_at) FROM cloud_resources WHERE kind = ?"),
                                              arguments: [inventoryKind])
        if policy.destroyedBeforeFirstSync(kind: inventoryKind, start: line.start, end: line.end, earliestFirstSeen: earliest) {
            return .unmatched(.destroyedBeforeFirstSync)
        }
        return .unmatched(.noSuchResource(name: name, kind: inventoryKind))
    }

    /// The resource of that kind and name. When a name was reused (destroyed, then created
    /// again), the one whose ledger life overlaps the line wins, then the earliest seen; the
    /// choice depends only on ledger contents, never on row order luck.
    /// A cached statement: an invoice matches every one of its lines (a thousand for a large fleet).
    private func resourceID(_ db: Database, kind: ResourceKind, name: String, start: Timestamp, end: Timestamp) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM cloud_resources
            WHERE kind = ? AND name = ? COLLATE NOCASE
            ORDER BY (first_seen_at <= ? AND (stale_at IS NULL OR stale_at >= ?)) DESC, first_seen_at, id
            LIMIT 1
            """), arguments: [kind, name, end, start])
    }
}
