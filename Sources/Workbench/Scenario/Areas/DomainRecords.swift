import FakeDigitalOcean

// DNS records in a domain: their YAML and their play on the fake, which holds DO's rules per
// record type (which fields each requires). A record is named by the id the fake gave it: ids count
// up from 900000001 in the order records are made, so a scenario (and a recording of a served fake)
// knows them.

extension YAMLNodeReader {
    /// The record's fields a create or an update may set, and the schema's words for them.
    static let domainRecordKeys: [(key: String, description: String)] = [
        ("type", "A, AAAA, CAA, CNAME, MX, NS, SRV or TXT."),
        ("name", "The host name relative to the domain, @ for the apex (required for A, AAAA, CAA, CNAME, TXT, SRV)."),
        ("data", "The address, host or text the record holds."),
        ("priority", "MX and SRV: 0 to 65535."),
        ("port", "SRV: 0 to 65535."),
        ("ttl", "Seconds; the domain's TTL when left out."),
        ("weight", "SRV: 0 to 65535."),
        ("flags", "CAA: 0 to 255."),
        ("tag", "CAA: issue, issuewild or iodef."),
    ]

    /// `create_domain_record` (`domain`, `type` and the type's fields), `update_domain_record`
    /// (`domain`, `id`, the fields to set) and `delete_domain_record` (`domain`, `id`).
    func domainRecordAction(_ kind: ScenarioActionKind, _ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let fieldKeys = kind == .deleteDomainRecord ? [] : Self.domainRecordKeys.map(\.key)
        let map = try mapping(body, allowed: ["domain"] + (kind == .createDomainRecord ? [] : ["id"]) + fieldKeys)
        let domain = try nonEmptyString(map.required("domain"))
        func text(_ key: String) throws(ScenarioError) -> String? { try map.optional(key).map(nonEmptyString) }
        func number(_ key: String, atLeast minimum: Int = 0) throws(ScenarioError) -> Int? {
            try map.optional(key).map { f throws(ScenarioError) in try integer(f, atLeast: minimum) }
        }
        let fields = DomainRecordFields(
            type: kind == .createDomainRecord ? try nonEmptyString(map.required("type")) : try text("type"),
            name: try text("name"), data: try text("data"), priority: try number("priority"), port: try number("port"),
            ttl: try number("ttl", atLeast: 1), weight: try number("weight"), flags: try number("flags"), tag: try text("tag"))
        if kind == .createDomainRecord { return .createDomainRecord(domain: domain, record: fields) }
        let id = try integer(map.required("id"), atLeast: 1)
        return kind == .deleteDomainRecord ? .deleteDomainRecord(domain: domain, id: id) : .updateDomainRecord(domain: domain, id: id, record: fields)
    }
}

extension WorldBuilder {
    func applyDomainRecordAction(_ action: ScenarioAction) throws {
        switch action {
        case .createDomainRecord(let domain, let record): try fake.createDomainRecord(domain: domain, record)
        case .updateDomainRecord(let domain, let id, let record): try fake.updateDomainRecord(domain: domain, id: id, record)
        case .deleteDomainRecord(let domain, let id): try fake.deleteDomainRecord(domain: domain, id: id)
        default: preconditionFailure("\(action.kind.rawValue) is not a domain record action")
        }
    }
}
