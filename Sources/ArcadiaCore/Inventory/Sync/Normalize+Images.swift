import DigitalOcean
import Foundation

/// Snapshots and backups: disk images, sized in GB (an exact decimal) and kept until deleted.
extension Normalize {
    /// Droplet and volume snapshots are one kind, `snapshot`; `resource_type` says which. DO lists
    /// no status for images: a listed snapshot is `available`.
    static func snapshot(_ snapshot: InventorySnapshot) -> ObservedResource {
        ObservedResource(kind: .snapshot, providerID: snapshot.id, name: snapshot.name, status: "available",
                         region: snapshot.regions.first, attributes: [
                             "resource_type": .string(snapshot.resourceType),
                             "resource_id": .string(snapshot.resourceID),
                             "size_gigabytes": gigabytes(snapshot.sizeGigabytes),
                             "min_disk_size": .int(Int64(snapshot.minDiskSize)),
                             "regions": .strings(snapshot.regions.sorted()),
                             "tags": .strings((snapshot.tags ?? []).sorted()),
                             "created_at": .string(snapshot.createdAt),
                         ])
    }

    /// A backup names its droplet in `droplet_id`, which the listing's path gave.
    static func backup(_ backup: InventoryBackup, dropletID: Int) -> ObservedResource {
        ObservedResource(kind: .dropletBackup, providerID: String(backup.id), name: backup.name, status: "available",
                         region: backup.regions.first, attributes: [
                             "droplet_id": .string(String(dropletID)),
                             "size_gigabytes": gigabytes(backup.sizeGigabytes),
                             "min_disk_size": .int(Int64(backup.minDiskSize)),
                             "created_at": .string(backup.createdAt),
                         ])
    }

    /// A whole number of GB as an integer, anything else as its exact decimal text.
    private static func gigabytes(_ size: Decimal) -> JSONValue {
        if let whole = Int64(size.description) { return .int(whole) }
        return .number(size.description)
    }
}
