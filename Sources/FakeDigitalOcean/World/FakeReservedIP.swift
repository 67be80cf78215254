import DigitalOcean

/// A reserved IPv4 in the fake world.
struct FakeReservedIP: Sendable {
    let ip: String
    let region: FakeRegion
    var dropletID: Int?

    /// The Projects API keeps the old name for these (reference §3).
    var urn: String { "do:floatingip:\(ip)" }
    var selfURL: String { "https://api.digitalocean.com/v2/floating_ips/\(ip)" }

    func model(in world: FakeWorld) -> ReservedIP {
        ReservedIP(ip: ip, droplet: dropletID.flatMap { world.droplets[$0]?.model }, region: RegionCatalogue.model(region),
                   locked: false, projectID: world.projectIDByURN[urn] ?? "")
    }
}
