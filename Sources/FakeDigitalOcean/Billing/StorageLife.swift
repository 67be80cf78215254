import DigitalOcean
import MoneyAndTime

/// Something DO bills per GB-month for as long as it exists: a volume or a snapshot. Its size is
/// fixed for life (volumes are not resized by any scenario event; a snapshot never changes), so
/// the history is one record per resource, kept after deletion so any period can be billed later.
struct StorageLife: Sendable, Equatable {
    enum Product: Sendable, Equatable {
        case volume
        case dropletSnapshot
        case volumeSnapshot

        /// The invoice's `product`.
        var name: String {
            switch self {
            case .volume: "Volumes"
            case .dropletSnapshot: "Droplet Snapshots"
            case .volumeSnapshot: "Volume Snapshots"
            }
        }

        /// DO's list prices: block storage $0.10 and snapshots $0.06 per GB-month.
        var centsPerGBMonth: Int { self == .volume ? 10 : 6 }
    }

    /// DO's id: the volume's or volume snapshot's UUID, or the droplet snapshot's image id.
    let id: String
    let name: String
    let product: Product
    let region: String
    /// Hundredths of a GB (a volume's whole GB × 100).
    let sizeCentiGB: Int
    /// The project printed on its lines; empty for snapshots, which belong to no project.
    let projectName: String
    let createdAt: Timestamp
    private(set) var deletedAt: Timestamp?

    mutating func delete(at time: Timestamp) {
        deletedAt = time
    }

    /// `pgdata (syd1) 100GB`, the form of DO's volume lines; snapshots follow it with their size
    /// as the API writes it (`2.34GB`, `2.3GB`, `0.05GB`).
    var description: String {
        let whole = sizeCentiGB / 100, fraction = sizeCentiGB % 100
        let size = switch fraction {
        case 0: String(whole)
        case let tenths where tenths.isMultiple(of: 10): "\(whole).\(tenths / 10)"
        case ..<10: "\(whole).0\(fraction)"
        default: "\(whole).\(fraction)"
        }
        return "\(name) (\(region)) \(size)GB"
    }
}

/// Every volume and snapshot that ever existed, in creation order.
struct StorageHistory: Sendable {
    private(set) var lives: [StorageLife] = []
    private var positions: [String: Int] = [:]

    mutating func begin(_ life: StorageLife) {
        positions[life.id] = lives.count
        lives.append(life)
    }

    mutating func delete(id: String, at time: Timestamp) {
        guard let position = positions[id] else { preconditionFailure("\(id) has no recorded life") }
        lives[position].delete(at: time)
    }
}
