import DigitalOcean
import MoneyAndTime

/// A resource the fake knows only as a project member: Spaces buckets (served by DO's S3 API, not
/// `/v2`), managed databases, Kubernetes clusters and App Platform apps. The fake serves no list
/// endpoint for them, so inventory learns of them from project resources alone.
struct FakeProjectOnlyResource: Sendable {
    /// The URN type DO writes for each.
    enum Kind: String, Sendable, CaseIterable {
        case spacesBucket = "space"
        case database = "dbaas"
        case k8sCluster = "kubernetes"
        case app

        var resourceKind: FakeResourceKind {
            switch self {
            case .spacesBucket: .spacesBucket
            case .database: .database
            case .k8sCluster: .k8sCluster
            case .app: .app
            }
        }

        var noun: String { resourceKind.noun }
    }

    let kind: Kind
    /// The URN's id: a bucket's name, a UUID for the others.
    let id: String
    let name: String
    /// Required for a bucket (its endpoint names it); optional for the others.
    let region: FakeRegion?
    let createdAt: Timestamp
    /// Spaces buckets only: the GB stored, which the scenario changes over time.
    var sizeGB: Int?

    var urn: String { "do:\(kind.rawValue):\(id)" }

    var selfURL: String {
        switch kind {
        case .spacesBucket: "https://\(name).\(region?.slug ?? "nyc3").digitaloceanspaces.com"
        case .database: "https://api.digitalocean.com/v2/databases/\(id)"
        case .k8sCluster: "https://api.digitalocean.com/v2/kubernetes/clusters/\(id)"
        case .app: "https://api.digitalocean.com/v2/apps/\(id)"
        }
    }
}
