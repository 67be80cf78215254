import DigitalOcean
import Foundation

/// `GET /v2/domains/{name}/records[/{id}]`: the records DO makes with a zone (its SOA and three NS
/// records), then those made since, with DO's `type` and `name` filters. Record ids are drawn from the zone's name, so
/// they stay the same however often, and in whatever order, zones are read.
extension FakeRouter {
    mutating func domainRecords(_ request: APIRequest, domain: FakeDomain, id: String?) -> Outcome {
        let records = Self.records(domain) + domain.records.map(\.model)
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

    /// `POST /v2/domains/{name}/records` (201 + `domain_record`), `PUT`/`PATCH …/records/{id}` (200 +
    /// `domain_record`; both set only the fields given), `DELETE …/records/{id}` (204). An unknown
    /// zone or record is a 404; DO's own SOA and NS records are not the fake's to change (422).
    mutating func domainRecordWrite(_ method: String, domain name: String, id: String?, _ body: WriteBody, world: inout FakeWorld,
                                    changes: inout [FakeWorldChange]) throws -> Outcome {
        guard let domain = world.domains[name] else { throw WriteRefusal.notFound }
        guard let id else {
            let fields = try body.domainRecordFields()
            _ = try world.createDomainRecord(domain: name, fields)
            changes.append(.createDomainRecord(domain: name, record: fields))
            return .written(status: 201, body: single(key: "domain_record", json: encode(world.domains[name]!.records.last!.model)))
        }
        guard let recordID = Int(id), domain.records.contains(where: { $0.id == recordID }) else {
            if Self.records(domain).contains(where: { String($0.id) == id }) {
                throw WriteRefusal("the fake keeps DO's own SOA and NS records as DO made them")
            }
            throw WriteRefusal.notFound
        }
        if method == "DELETE" {
            try world.deleteDomainRecord(domain: name, id: recordID)
            changes.append(.deleteDomainRecord(domain: name, id: recordID))
            return .written(status: 204, body: nil)
        }
        let fields = try body.domainRecordFields()
        try world.updateDomainRecord(domain: name, id: recordID, fields)
        changes.append(.updateDomainRecord(domain: name, id: recordID, record: fields))
        let record = world.domains[name]!.records.first { $0.id == recordID }!
        return .written(status: 200, body: single(key: "domain_record", json: encode(record.model)))
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
    var priority: Int?
    var port: Int?
    var weight: Int?
    var flags: Int?
    var tag: String?

    enum CodingKeys: String, CodingKey {
        case id, type, name, data, ttl, priority, port, weight, flags, tag
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(name, forKey: .name)
        try c.encode(data, forKey: .data)
        try c.encode(priority, forKey: .priority)
        try c.encode(port, forKey: .port)
        try c.encode(ttl, forKey: .ttl)
        try c.encode(weight, forKey: .weight)
        try c.encode(flags, forKey: .flags)
        try c.encode(tag, forKey: .tag)
    }
}
