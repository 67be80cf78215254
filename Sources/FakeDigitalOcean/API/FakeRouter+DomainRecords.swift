import DigitalOcean
import Foundation

/// `GET /v2/domains/{name}/records[/{id}]`: the records DO makes with a zone (its SOA and three NS
/// records), with DO's `type` and `name` filters. Record ids are drawn from the zone's name, so
/// they stay the same however often, and in whatever order, zones are read.
extension FakeRouter {
    mutating func domainRecords(_ request: APIRequest, domain: FakeDomain, id: String?) -> Outcome {
        let records = Self.records(domain)
        if let id {
            guard let record = records.first(where: { String($0.id) == id }) else { return .failure(status: 404, message: nil) }
            return .body(single(key: "domain_record", json: encode(record)))
        }
        var listed = records
        var filters: [QueryItem] = []
        if let name = request.queryValue("name") {
            // DO's `name` filter takes the fully qualified name; `@` stands for the apex in the records.
            listed = listed.filter { ($0.name == "@" ? domain.name : "\($0.name).\(domain.name)") == name }
            filters.append(QueryItem("name", name))
        }
        if let type = request.queryValue("type") {
            listed = listed.filter { $0.type == type }
            filters.append(QueryItem("type", type))
        }
        return list(request, key: "domain_records", total: listed.count, filters: filters) { range, router in
            listed[range].map { router.encode($0) }
        }
    }

    static func records(_ domain: FakeDomain) -> [DomainRecordModel] {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in domain.name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let base = 100_000_000 + Int(hash % 800_000_000) / 4 * 4
        return [DomainRecordModel(id: base, type: "SOA", name: "@", data: "1800", ttl: 1800)]
            + (1...3).map { DomainRecordModel(id: base + $0, type: "NS", name: "@", data: "ns\($0).digitalocean.com", ttl: 1800) }
    }
}

/// DO's domain record: the fields a record type does not use are null.
struct DomainRecordModel: Encodable {
    let id: Int
    let type: String
    let name: String
    let data: String
    let ttl: Int

    enum CodingKeys: String, CodingKey {
        case id, type, name, data, ttl, priority, port, weight, flags, tag
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(name, forKey: .name)
        try c.encode(data, forKey: .data)
        try c.encodeNil(forKey: .priority)
        try c.encodeNil(forKey: .port)
        try c.encode(ttl, forKey: .ttl)
        try c.encodeNil(forKey: .weight)
        try c.encodeNil(forKey: .flags)
        try c.encodeNil(forKey: .tag)
    }
}
