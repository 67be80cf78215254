import DigitalOcean
import GRDB
import MoneyAndTime

/// Ties invoice lines to `cloud_resources` by (kind, name), case-insensitively in ASCII, and says
/// why a line matches nothing.
///
/// The resources of each kind it is made for are read once, and lines are looked up by name in
/// memory: an invoice matches a thousand lines against a handful of kinds, and a query per line
/// cost more than writing the line. Matching then reads nothing, so an invoice's lines are matched
/// on every core. The matcher lives for one transaction, in which nothing writes `cloud_resources`.
struct CostLineMatcher: Sendable {
    var policy: MatchPolicy
    private let kinds: [ResourceKind: KindResources]

    /// Reads the resources of every inventory kind among `costKinds`; a line of another kind
    /// matches nothing it could have.
    init(_ db: Database, policy: MatchPolicy, costKinds: [CostKind]) throws {
        self.policy = policy
        var kinds: [ResourceKind: KindResources] = [:]
        for kind in costKinds.compactMap(\.inventoryKind) where kinds[kind] == nil {
            kinds[kind] = KindResources(try MatchCandidate.fetchAll(db, sql: """
                SELECT r.id, r.name, r.first_seen_at, r.missing_since, r.stale_at, p.name AS project_name
                FROM cloud_resources r LEFT JOIN cloud_projects p ON p.id = r.project_id WHERE r.kind = ?
                """, arguments: [kind]))
        }
        self.kinds = kinds
    }

    /// What became of one line.
    enum Outcome: Equatable, Sendable {
        case matched(resourceID: Int64)
        case unmatched(UnmatchedReason)
    }

    func match(_ line: InvoiceCSVLine, kind: CostKind) -> Outcome {
        switch kind {
        case .tax: return .unmatched(.tax)
        case .spacesBucket: return .unmatched(.accountLevelSubscription)
        default: break
        }
        guard let inventoryKind = kind.inventoryKind else { return .unmatched(.unknownProduct(line.product)) }
        let name = CostLineName.name(kind: kind, description: line.description, groupDescription: line.groupDescription)
        let resources = kinds[inventoryKind] ?? KindResources([])
        if let id = resources.best(named: name, start: line.start, end: line.end, project: line.projectName) {
            return .matched(resourceID: id)
        }
        if policy.destroyedBeforeFirstSync(kind: inventoryKind, start: line.start, end: line.end,
                                           earliestFirstSeen: resources.earliestFirstSeen) {
            return .unmatched(.destroyedBeforeFirstSync)
        }
        return .unmatched(.noSuchResource(name: name, kind: inventoryKind))
    }
}

/// What matching reads of a `cloud_resources` row, with its project's name.
private struct MatchCandidate: FetchableRecord, Sendable {
    var id: Int64
    var name: String
    var firstSeenAt: Timestamp
    /// When the ledger last knew it gone: the first listing that missed it (nil while listed).
    var goneAt: Timestamp?
    var projectName: String?

    init(row: Row) throws {
        id = try row.decode(forColumn: CloudResource.Columns.id)
        name = try row.decode(forColumn: CloudResource.Columns.name)
        firstSeenAt = try row.decode(forColumn: CloudResource.Columns.firstSeenAt)
        goneAt = try row.decode(forColumn: CloudResource.Columns.missingSince) ?? row.decode(forColumn: CloudResource.Columns.staleAt)
        projectName = try row.decode(forColumn: "project_name")
    }

    /// Seconds of its ledger life (`first_seen_at` until missed) within `start`…`end`.
    func overlap(start: Timestamp, end: Timestamp) -> Int64 {
        let to = min(goneAt ?? end, end)
        return max(0, to.seconds - max(firstSeenAt, start).seconds)
    }
}

/// One kind's resources by name.
private struct KindResources: Sendable {
    let byName: [String: [MatchCandidate]]
    /// The kind's earliest `first_seen_at`: when its inventory began (`MatchPolicy`).
    let earliestFirstSeen: Timestamp?

    init(_ candidates: [MatchCandidate]) {
        // ASCII letters folded, nothing else: SQLite's NOCASE, which the ledger's name index uses.
        byName = Dictionary(grouping: candidates) { $0.name.lowercasedASCII }
        earliestFirstSeen = candidates.map(\.firstSeenAt).min()
    }

    /// The resource of that name, spelled exactly so if one is (names that differ only in case
    /// are different droplets), else in any case. A resource a listing had already missed when
    /// the line began cannot be the line's: it was destroyed before the line's resource existed
    /// (a droplet that lived between two listings under a name used before). When a name was
    /// reused (destroyed, then created again, often at once), the one whose ledger life shares
    /// the most of the line's time wins: the old one's life runs until a listing missed it, which
    /// may be after the new one's line began. Then the one in the line's project (another droplet
    /// renamed to the name, alive as long), then the earliest seen, then the lowest id: the
    /// choice depends only on ledger contents, never on row order luck.
    func best(named name: String, start: Timestamp, end: Timestamp, project: String?) -> Int64? {
        let candidates = (byName[name.lowercasedASCII] ?? []).filter { $0.goneAt.map { $0 > start } ?? true }
        guard !candidates.isEmpty else { return nil }
        let exact = candidates.filter { $0.name == name }
        return (exact.isEmpty ? candidates : exact).min { a, b in
            let (left, right) = (a.overlap(start: start, end: end), b.overlap(start: start, end: end))
            if left != right { return left > right }
            if let project, !project.isEmpty {
                let (inA, inB) = (a.projectName == project, b.projectName == project)
                if inA != inB { return inA }
            }
            return (a.firstSeenAt, a.id) < (b.firstSeenAt, b.id)
        }?.id
    }
}
