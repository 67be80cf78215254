import DigitalOcean
import MoneyAndTime

/// A DNS zone in the fake world.
struct FakeDomain: Sendable {
    let name: String
    let ttl: Int
    let createdAt: Timestamp

    var urn: String { "do:domain:\(name)" }
    var selfURL: String { "https://api.digitalocean.com/v2/domains/\(name)" }

    /// DO's generated zone file: SOA (serial = creation epoch) and its three name servers.
    var zoneFile: String {
        let ns = (1...3).map { "\(name). 1800 IN NS ns\($0).digitalocean.com.\n" }.joined()
        return "$ORIGIN \(name).\n$TTL \(ttl)\n"
            + "\(name). IN SOA ns1.digitalocean.com. hostmaster.\(name). \(createdAt.seconds) 10800 3600 604800 1800\n" + ns
    }

    var model: Domain {
        Domain(name: name, ttl: ttl, zoneFile: zoneFile)
    }
}
