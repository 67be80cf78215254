import Foundation

/// A DNS record's fields as DO takes them in a create (`type`, `name`, `data` and the fields its
/// type uses; `ttl` nil takes the domain's TTL) or an update (the fields it sets; nil keeps one).
public struct DomainRecordFields: Sendable, Equatable {
    public var type: String?
    public var name: String?
    public var data: String?
    public var priority: Int?
    public var port: Int?
    public var ttl: Int?
    public var weight: Int?
    public var flags: Int?
    public var tag: String?

    public init(type: String? = nil, name: String? = nil, data: String? = nil, priority: Int? = nil, port: Int? = nil, ttl: Int? = nil,
                weight: Int? = nil, flags: Int? = nil, tag: String? = nil) {
        self.type = type
        self.name = name
        self.data = data
        self.priority = priority
        self.port = port
        self.ttl = ttl
        self.weight = weight
        self.flags = flags
        self.tag = tag
    }

    /// These fields with every field `other` sets put over them: DO's update takes any subset.
    public func updated(by other: DomainRecordFields) -> DomainRecordFields {
        var merged = self
        if let type = other.type { merged.type = type }
        if let name = other.name { merged.name = name }
        if let data = other.data { merged.data = data }
        if let priority = other.priority { merged.priority = priority }
        if let port = other.port { merged.port = port }
        if let ttl = other.ttl { merged.ttl = ttl }
        if let weight = other.weight { merged.weight = weight }
        if let flags = other.flags { merged.flags = flags }
        if let tag = other.tag { merged.tag = tag }
        return merged
    }

    /// The record types a client can create (SOA is DO's own, one per zone). Which fields each
    /// requires follows DO's description, less its `flags`/`tag` for NS, SRV and TXT
    /// (docs/fake-do-coverage.md); the fake refuses a record without them, with DO's 422.
    static let creatableTypes = ["A", "AAAA", "CAA", "CNAME", "MX", "NS", "SRV", "TXT"]

    /// The record these fields make in `domain`, or why DO refuses it.
    func validated(in domain: FakeDomain) throws(FakeWorldError) -> DomainRecordFields {
        func refuse(_ detail: String, _ field: String) -> FakeWorldError { FakeWorldError(.invalidArgument(detail), field: field) }
        guard let type, Self.creatableTypes.contains(type) else {
            throw refuse("type must be one of \(Self.creatableTypes.joined(separator: ", ")), got \(type.map { "'\($0)'" } ?? "none")", "type")
        }
        var record = self
        if ["A", "AAAA", "CAA", "CNAME", "TXT", "SRV"].contains(type) {
            guard let name, !name.isEmpty else { throw refuse("name is required for \(type) records", "name") }
        } else if record.name?.isEmpty ?? true {
            record.name = "@"
        }
        guard let data, !data.isEmpty else { throw refuse("data is required for \(type) records", "data") }
        if type == "A", !Self.isAddress(data, family: AF_INET) { throw refuse("data must be an IPv4 address for A records, got '\(data)'", "data") }
        if type == "AAAA", !Self.isAddress(data, family: AF_INET6) {
            throw refuse("data must be an IPv6 address for AAAA records, got '\(data)'", "data")
        }
        func check(_ value: Int?, _ field: String, required: Bool, max: Int) throws(FakeWorldError) {
            guard let value else {
                if required { throw refuse("\(field) is required for \(type) records", field) }
                return
            }
            guard (0...max).contains(value) else { throw refuse("\(field) must be between 0 and \(max), got \(value)", field) }
        }
        try check(priority, "priority", required: type == "MX" || type == "SRV", max: 65_535)
        try check(port, "port", required: type == "SRV", max: 65_535)
        try check(weight, "weight", required: type == "SRV", max: 65_535)
        try check(flags, "flags", required: type == "CAA", max: 255)
        if type == "CAA" {
            guard let tag, ["issue", "issuewild", "iodef"].contains(tag) else { throw refuse("tag must be issue, issuewild or iodef for CAA records", "tag") }
        }
        if let ttl = record.ttl, ttl < 1 { throw refuse("ttl must be positive, got \(ttl)", "ttl") }
        record.ttl = record.ttl ?? domain.ttl
        return record
    }

    /// Whether `text` is an address of the family, in the system's own parser (`inet_pton`).
    static func isAddress(_ text: String, family: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(family, text, &buffer) == 1
    }
}

/// A record a client or scenario made in a zone (DO's own SOA and NS records are derived from the
/// zone, `FakeRouter.records`). Ids count up across the world from `FakeDomainRecord.firstID`,
/// above every id the derived records take, so the same writes in the same order give the same ids.
struct FakeDomainRecord: Sendable, Equatable {
    static let firstID = 900_000_001

    let id: Int
    var fields: DomainRecordFields

    var model: DomainRecordModel {
        DomainRecordModel(id: id, type: fields.type ?? "", name: fields.name ?? "@", data: fields.data ?? "", ttl: fields.ttl ?? 1800,
                          priority: fields.priority, port: fields.port, weight: fields.weight, flags: fields.flags, tag: fields.tag)
    }
}
