/// A droplet as both droplet workers take it from `GET /v2/droplets`: the inventory's observation
/// and whether the backups worker must list its backups. One transform for both listings, so they
/// share the client's item memo: the backups worker at :41 then usually receives the very pages
/// the droplets worker took at :30 and takes them whole, instead of comparing a fleet's bytes again.
struct ListedDroplet: Sendable {
    var id: Int
    var observed: ObservedResource
    /// A droplet with backups off and none kept has none to list: DO deletes a droplet's backups
    /// when backups are disabled, so asking would only spend the rate limit.
    var mayHaveBackups: Bool
    /// The ids of the backups DO holds for it: while they are unchanged, so are its backups.
    var backupIDs: [Int]

    init(_ droplet: InventoryDroplet) {
        id = droplet.id
        observed = Normalize.droplet(droplet)
        mayHaveBackups = droplet.features.contains("backups") || !droplet.backupIDs.isEmpty
        backupIDs = droplet.backupIDs
    }
}
