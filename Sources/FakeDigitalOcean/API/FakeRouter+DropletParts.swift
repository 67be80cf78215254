import DigitalOcean
import Foundation

/// What hangs off one droplet: `GET /v2/droplets/{id}/snapshots|backups|backups/policy|firewalls|
/// actions|neighbors|kernels`, in the shapes of DO's OpenAPI description.
extension FakeRouter {
    mutating func dropletPart(_ request: APIRequest, _ droplet: FakeDroplet, part: [String], world: FakeWorld) -> Outcome {
        switch part {
        case ["snapshots"]:
            let snapshots = world.snapshots.filter { $0.source == .droplet(id: droplet.id) }
            return list(request, key: "snapshots", total: snapshots.count) { range, router in
                snapshots[range].map { router.encode(DropletSnapshotModel($0)) }
            }
        case ["backups"]:
            let fragments = backupFragments(droplet)
            return list(request, key: "backups", total: fragments.count) { range, _ in Array(fragments[range]) }
        case ["backups", "policy"]:
            return .body(single(key: "policy", json: encode(BackupPolicyModel(droplet))))
        case ["firewalls"]:
            let firewalls = world.firewalls.filter { $0.dropletIDs.contains(droplet.id) || !Set($0.tags).isDisjoint(with: droplet.tags) }
            return list(request, key: "firewalls", total: firewalls.count) { range, router in firewalls[range].map { router.encode($0.model) } }
        case ["actions"]:
            // Actions clients started over the API, newest first as DO lists them; a scenario's own
            // changes leave none.
            return actions(request, world: world) { $0.resourceType == "droplet" && $0.resourceID == droplet.id }
        case let part where part.count == 2 && part[0] == "actions":
            guard let action = world.actions.first(where: { String($0.id) == part[1] && $0.resourceID == droplet.id }) else {
                return .failure(status: 404, message: nil)
            }
            return .body(single(key: "action", json: encode(action.model)))
        case ["kernels"]:
            // DO's droplets boot their image's kernel (managed kernels); DO lists none to choose from.
            return list(request, key: "kernels", total: 0) { _, _ in [] }
        case ["neighbors"]:
            // The fake places every droplet on its own hypervisor. DO's answer has no pagination.
            return .body(Data(#"{"droplets":[]}"#.utf8))
        default:
            return .failure(status: 404, message: nil)
        }
    }
}

/// A droplet snapshot as `GET /v2/droplets/{id}/snapshots` lists it: an integer id and `type`,
/// unlike `/v2/snapshots` (DO's `droplet_snapshot` schema, `droplet_snapshots.json`).
struct DropletSnapshotModel: Encodable {
    let id: Int
    let name: String
    let createdAt: String
    let regions: [String]
    let minDiskSize: Int
    let sizeGigabytes: Double
    let type = "snapshot"

    init(_ snapshot: FakeSnapshot) {
        id = Int(snapshot.id) ?? 0
        name = snapshot.name
        createdAt = snapshot.createdAt.iso8601
        regions = [snapshot.region.slug]
        minDiskSize = snapshot.minDiskSize
        sizeGigabytes = ImageSizes.gigabytes(centi: snapshot.sizeCentiGB)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, regions, type
        case createdAt = "created_at"
        case minDiskSize = "min_disk_size"
        case sizeGigabytes = "size_gigabytes"
    }
}

/// `GET /v2/droplets/{id}/backups/policy`: `backup_policy` only while backups are on.
struct BackupPolicyModel: Encodable {
    struct Policy: Encodable {
        let plan: String
        let weekday: String?
        let hour: Int
        let windowLengthHours = 4
        let retentionPeriodDays: Int

        enum CodingKeys: String, CodingKey {
            case plan, weekday, hour
            case windowLengthHours = "window_length_hours"
            case retentionPeriodDays = "retention_period_days"
        }
    }

    let dropletID: Int
    let backupEnabled: Bool
    let backupPolicy: Policy?
    let nextBackupWindow: Droplet.BackupWindow?

    init(_ droplet: FakeDroplet) {
        dropletID = droplet.id
        backupEnabled = droplet.backupPolicy != nil
        backupPolicy = droplet.backupPolicy.map { policy in
            Policy(plan: policy.plan.rawValue, weekday: policy.plan == .weekly ? BackupPolicy.weekdays[policy.weekday] : nil,
                   hour: policy.hour, retentionPeriodDays: Int(policy.plan.retentionSeconds / 86_400))
        }
        nextBackupWindow = droplet.nextBackupWindow
    }

    enum CodingKeys: String, CodingKey {
        case dropletID = "droplet_id"
        case backupEnabled = "backup_enabled"
        case backupPolicy = "backup_policy"
        case nextBackupWindow = "next_backup_window"
    }
}
