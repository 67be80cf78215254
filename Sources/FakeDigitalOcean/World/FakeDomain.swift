import DigitalOcean
import MoneyAndTime

/// A DNS zone in the fake world.
struct FakeDomain: Sendable {
    let name: String
    let ttl: Int
    let createdAt: Timestamp
    /// The records clients and scenarios made, in creation order (DO's own are `FakeRouter.records`).
    var records: [FakeDomainRecord] = []

    var urn: String { "do:domain:\(name)" }
    var selfURL: String { "https://api.digitalocean.com/v2/domains/\(name)" }

    /// DO's generated zone file: SOA (serial = creation epoch), its three name servers, then the
    /// records made since.
    var zoneFile: String {
        let ns = (1...3).map { "\(name). 1800 IN NS ns\($0).digitalocean.com.\n" }.joined()
        return "$ORIGIN \(name).\n$TTL \(ttl)\n"
            + "\(name). IN SOA ns1.digitalocean.com. hostmaster.\(name). \(createdAt.seconds) 10800 3600 604800 1800\n" + ns
            + records.map { zoneLine($0.fields) }.joined()
    }

    private func zoneLine(_ record: DomainRecordFields) -> String {
        let owner = record.name == nil || record.name == "@" ? "\(name)." : "\(record.name!).\(name)."
        let parameters = [record.priority, record.weight, record.port, record.flags].compactMap { $0.map(String.init) } + [record.tag].compactMap { $0 }
        let data = record.type == "TXT" ? "\"\(record.data ?? "")\"" : record.data ?? ""
        return "\(owner) \(record.ttl ?? ttl) IN \(record.type ?? "") " + (parameters + [data]).joined(separator: " ") + "\n"
    }

    var model: Domain {
        Domain(name: name, ttl: ttl, zoneFile: zoneFile)
    }
}
