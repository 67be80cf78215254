import DigitalOcean
import GRDB
import MoneyAndTime

/// The projects pass's discovery: kinds no worker lists (Spaces buckets, managed databases,
/// Kubernetes clusters, and URN types the table does not know) are known only from project
/// resources. Each URN becomes a minimal placeholder row, named by the URN's id, which goes stale
/// by the same three strikes as any resource once its URN is missing from three complete passes.
public enum ProjectDiscovery {
    public static let placeholderStatus = "discovered"

    /// The placeholder a project resource stands for, or nil for a kind a worker lists.
    public static func placeholder(urn: String, type: String, id: String) -> ObservedResource? {
        let (kind, known) = URNKinds.kind(forURNType: type)
        guard !URNKinds.synced.contains(kind) else { return nil }
        var attributes: [String: JSONValue] = ["urn": .string(urn)]
        if !known { attributes["urn_type_known"] = .bool(false) }
        return ObservedResource(kind: kind, providerID: id, name: id, status: placeholderStatus, attributes: attributes)
    }

    /// The kinds a pass reconciles whatever it observes: those only discovery knows, and any such
    /// kind already in the ledger.
    public static func kinds(_ db: Database) throws -> [ResourceKind] {
        var kinds = Set(URNKinds.discoveredWithoutWorker)
        // The distinct kinds by a skip along the (kind, name) index, one lookup per kind, rather
        // than a DISTINCT over every row: every projects pass asks, over the whole fleet.
        let distinct = try db.cachedStatement(sql: """
            WITH RECURSIVE present(kind) AS (
                SELECT MIN(kind) FROM cloud_resources
                UNION ALL
                SELECT (SELECT MIN(kind) FROM cloud_resources WHERE kind > present.kind) FROM present WHERE present.kind IS NOT NULL
            )
            SELECT kind FROM present WHERE kind IS NOT NULL
            """)
        for kind in try ResourceKind.fetchAll(distinct) {
            if !URNKinds.synced.contains(kind) { kinds.insert(kind) }
        }
        return kinds.sorted()
    }

    /// Applies one complete pass over every project's resources: upserts each placeholder and
    /// counts a miss for every discovered row absent from it. Call it only when every project's
    /// listing was complete; a failed one must count nothing.
    public static func reconcile(_ db: Database, observed: [ObservedResource], at time: Timestamp) throws -> ReconcileOutcome {
        var byKind: [ResourceKind: [ObservedResource]] = [:]
        for resource in observed {
            byKind[resource.kind, default: []].append(resource)
        }
        var outcome = ReconcileOutcome()
        for kind in Set(try kinds(db)).union(byKind.keys).sorted() {
            outcome.add(try InventoryStore.reconcile(db, kind: kind, observed: byKind[kind] ?? [], at: time))
        }
        return outcome
    }
}
