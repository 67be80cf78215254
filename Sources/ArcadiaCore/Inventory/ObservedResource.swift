/// One resource as a listing showed it, already normalized: what the upsert chokepoint compares
/// with the ledger. Top-level fields are the ones every kind has; the rest are `attributes`.
///
/// A value type over one shared, immutable box: a re-listing of a thousand unchanged droplets
/// copies each observation several times (into the listing, the reconcile's row, the memo), and
/// a copy is then one reference count instead of seven; two copies of one observation compare
/// equal by identity, without reading their attributes.
public struct ObservedResource: Sendable, Equatable {
    private struct Fields: Sendable, Equatable {
        var kind: ResourceKind
        var providerID: String
        var name: String
        var status: String
        var region: String?
        var sizeSlug: String?
        var attributes: [String: JSONValue]
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public init(kind: ResourceKind, providerID: String, name: String, status: String, region: String? = nil,
                sizeSlug: String? = nil, attributes: [String: JSONValue] = [:]) {
        box = Box(Fields(kind: kind, providerID: providerID, name: name, status: status, region: region,
                         sizeSlug: sizeSlug, attributes: attributes))
    }

    public var kind: ResourceKind {
        get { box.fields.kind }
        set { change { $0.kind = newValue } }
    }

    /// DO's id for it (a droplet id, a domain name, an IP…), unique within `kind`.
    public var providerID: String {
        get { box.fields.providerID }
        set { change { $0.providerID = newValue } }
    }

    public var name: String {
        get { box.fields.name }
        set { change { $0.name = newValue } }
    }

    public var status: String {
        get { box.fields.status }
        set { change { $0.status = newValue } }
    }

    public var region: String? {
        get { box.fields.region }
        set { change { $0.region = newValue } }
    }

    public var sizeSlug: String? {
        get { box.fields.sizeSlug }
        set { change { $0.sizeSlug = newValue } }
    }

    public var attributes: [String: JSONValue] {
        get { box.fields.attributes }
        set { change { $0.attributes = newValue } }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    /// Whether both are copies of one observation: equal, known without reading a field.
    func isCopy(of other: Self) -> Bool {
        box === other.box
    }

    /// A changed copy gets a box of its own; the shared one never changes.
    private mutating func change(_ edit: (inout Fields) -> Void) {
        var fields = box.fields
        edit(&fields)
        box = Box(fields)
    }
}
