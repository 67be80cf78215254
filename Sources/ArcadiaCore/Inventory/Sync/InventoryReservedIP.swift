/// The part of DO's reserved-IP JSON the inventory keeps: the assigned droplet's id, not the
/// whole droplet object DO embeds.
struct InventoryReservedIP: Decodable, Sendable {
    var ip: String
    var droplet: DropletID?
    var region: InventoryDroplet.Slug

    struct DropletID: Decodable, Sendable {
        var id: Int
    }
}
