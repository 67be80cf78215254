/// Enough of a `cloud_resources` row to name it: what a cost line was matched to, what a drift is on.
public struct ResourceRef: Sendable, Equatable {
    public var id: Int64
    public var kind: ResourceKind
    public var name: String
    public var providerID: String

    public init(id: Int64, kind: ResourceKind, name: String, providerID: String) {
        self.id = id
        self.kind = kind
        self.name = name
        self.providerID = providerID
    }
}
