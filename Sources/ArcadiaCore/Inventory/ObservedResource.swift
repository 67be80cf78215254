/// One resource as a listing showed it, already normalized: what the upsert chokepoint compares
/// with the ledger. Top-level fields are the ones every kind has; the rest are `attributes`.
public struct ObservedResource: Sendable, Equatable {
    public var kind: ResourceKind
    /// DO's id for it (a droplet id, a domain name, an IP…), unique within `kind`.
    public var providerID: String
    public var name: String
    public var status: String
    public var region: String?
    public var sizeSlug: String?
    public var attributes: [String: JSONValue]

    public init(kind: ResourceKind, providerID: String, name: String, status: String, region: String? = nil,
                sizeSlug: String? = nil, attributes: [String: JSONValue] = [:]) {
        self.kind = kind
        self.providerID = providerID
        self.name = name
        self.status = status
        self.region = region
        self.sizeSlug = sizeSlug
        self.attributes = attributes
    }
}
