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
    /// matches nothing it could have. DO names a resource on an invoice as it was called when the
    /// invoice was drawn up (`drawnAt`, the period's end), so each resource is known by the name it
    /// bore then, from its rename events: an invoice ingested again after a rename still finds it.
    init(_ db: Database, policy: MatchPolicy, costKinds: [CostKind], drawnAt: Timestamp) throws {
        self.policy = policy
        var kinds: [ResourceKind: KindResources] = [:]
        for kind in costKinds.compactMap(\.inventoryKind) where kinds[kind] == nil {
            var candidates = try MatchCandidate.fetchAll(db, sql: """
                SELECT r.id, r.name, r.first_seen_at, r.missing_since, r.stale_at, p.name AS project_name
                FROM cloud_resources r LEFT JOIN cloud_projects p ON p.id = r.project_id WHERE r.kind = ?
                """, arguments: [kind])
            let renames = try Row.fetchAll(db, sql: """
                SELECT e.resource_id, e.at, e.old_value, e.new_value FROM cloud_resource_events e
                JOIN cloud_resources r ON r.id = e.resource_id
                WHERE r.kind = ? AND e.event = ? AND e.field = 'name' ORDER BY e.resource_id, e.at, e.id
                """, arguments: [kind, ResourceEventKind.changed.rawValue])
            let byResource = Dictionary(grouping: renames) { row -> Int64 in row["resource_id"] }
            for index in candidates.indices {
                guard let events = byResource[candidates[index].id], let first = events.first else { continue }
                candidates[index].names = [(candidates[index].firstSeenAt, first["old_value"] ?? candidates[index].name)]
                    + events.map { ($0["at"], $0["new_value"] ?? candidates[index].name) }
                candidates[index].name = candidates[index].names.last { $0.from <= drawnAt }?.name ?? candidates[index].names[0].name
            }
            kinds[kind] = KindResources(candidates, window: policy.syncWindow(for: kind), drawnAt: drawnAt)
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
        let resources = kinds[inventoryKind] ?? KindResources([], window: policy.syncWindow(for: inventoryKind), drawnAt: .init(seconds: 0))
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
    /// As it was when the invoice was drawn up (`CostLineMatcher.init`).
    var name: String
    /// Each name it bore from the instant a sync saw it so (one entry when never renamed).
    var names: [(from: Timestamp, name: String)]
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
        names = [(firstSeenAt, name)]
    }

    /// Seconds of its ledger life (`first_seen_at` until missed) within `start`…`end`.
    func overlap(start: Timestamp, end: Timestamp) -> Int64 {
        let to = min(goneAt ?? end, end)
        return max(0, to.seconds - max(firstSeenAt, start).seconds)
    }

    /// Seconds of the overlap in which it bore `name` (ASCII case folded): of two resources whose
    /// lives share a line's time alike, the one that was called so then is the line's.
    func namedOverlap(_ name: String, start: Timestamp, end: Timestamp) -> Int64 {
        let folded = name.lowercasedASCII
        return names.indices.reduce(0) { total, index in
            guard names[index].name.lowercasedASCII == folded else { return total }
            let to = min(index + 1 < names.count ? names[index + 1].from : end, goneAt ?? end, end)
            return total + max(0, to.seconds - max(names[index].from, firstSeenAt, start).seconds)
        }
    }

    /// Seconds from a line's `end` to the listing that first missed the resource, when that is at
    /// or after it: a line that ends before its month does is a resource destroyed then (or
    /// resized), and the one whose life ended there is it. Nil (last) for one alive, or gone earlier.
    func gap(after end: Timestamp) -> Int64? {
        guard let goneAt, goneAt >= end else { return nil }
        return goneAt.seconds - end.seconds
    }
}

/// One kind's resources by name.
private struct KindResources: Sendable {
    let byName: [String: [MatchCandidate]]
    /// By each exact name a resource was first seen to bear after the invoice was drawn up: a
    /// rename made just before, while listings failed over the month end, is seen only after.
    let byLaterName: [String: [MatchCandidate]]
    /// The kind's earliest `first_seen_at`: when its inventory began (`MatchPolicy`).
    let earliestFirstSeen: Timestamp?
    /// The kind's sync window: lives that share a line's time to within it share it alike, since
    /// a listing sees a creation up to a window late.
    let window: Int64

    init(_ candidates: [MatchCandidate], window: Int64, drawnAt: Timestamp) {
        // ASCII letters folded, nothing else: SQLite's NOCASE, which the ledger's name index uses.
        byName = Dictionary(grouping: candidates) { $0.name.lowercasedASCII }
        var later: [String: [MatchCandidate]] = [:]
        for candidate in candidates {
            guard let next = candidate.names.first(where: { $0.from > drawnAt }), next.name != candidate.name else { continue }
            later[next.name, default: []].append(candidate)
        }
        byLaterName = later
        earliestFirstSeen = candidates.map(\.firstSeenAt).min()
        self.window = window
    }

    /// The resource of that name (as the invoice was drawn up), spelled exactly so if one is
    /// (names that differ only in case are different droplets), else first seen so right after,
    /// else in any case. A resource a
    /// listing had already missed when the line began cannot be the line's: it was destroyed
    /// before the line's resource existed (a droplet that lived between two listings under a
    /// name used before). When a name was reused (destroyed, then created again, often at once)
    /// the one whose ledger life shares the most of the line's time wins: the old one's life runs
    /// until a listing missed it, which may be after the new one's line began. Lives within one
    /// sync window of the most share it alike; among them, the one in the line's project (DO
    /// prints it on the line), then the one called so for more of the line (not renamed to the
    /// name after it), then the one sharing more, then the one whose life ended nearest after
    /// the line did (a name taken over by a rename after its droplet
    /// was destroyed), then the earliest seen, then the lowest id: the choice depends only on
    /// ledger contents, never on row order luck.
    func best(named name: String, start: Timestamp, end: Timestamp, project: String?) -> Int64? {
        let alive = { (candidate: MatchCandidate) in candidate.goneAt.map { $0 > start } ?? true }
        let candidates = (byName[name.lowercasedASCII] ?? []).filter(alive)
        var exact = candidates.filter { $0.name == name }
        if exact.isEmpty { exact = (byLaterName[name] ?? []).filter(alive) }
        let pool = (exact.isEmpty ? candidates : exact).map { (candidate: $0, shared: $0.overlap(start: start, end: end)) }
        guard let most = pool.map(\.shared).max() else { return nil }
        return pool.filter { $0.shared + window >= most }.min { left, right in
            let (a, b) = (left.candidate, right.candidate)
            if let project, !project.isEmpty {
                let (inA, inB) = (a.projectName == project, b.projectName == project)
                if inA != inB { return inA }
            }
            let (namedA, namedB) = (a.namedOverlap(name, start: start, end: end), b.namedOverlap(name, start: start, end: end))
            if namedA != namedB { return namedA > namedB }
            if left.shared != right.shared { return left.shared > right.shared }
            let (gapA, gapB) = (a.gap(after: end), b.gap(after: end))
            if gapA != gapB { return (gapA ?? .max) < (gapB ?? .max) }
            return (a.firstSeenAt, a.id) < (b.firstSeenAt, b.id)
        }?.candidate.id
    }
}
