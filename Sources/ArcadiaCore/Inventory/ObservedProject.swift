/// One DO project as the projects listing showed it.
public struct ObservedProject: Sendable, Equatable {
    public var providerID: String
    public var name: String
    public var description: String
    public var environment: String?
    public var isDefault: Bool

    public init(providerID: String, name: String, description: String, environment: String?, isDefault: Bool) {
        self.providerID = providerID
        self.name = name
        self.description = description
        self.environment = environment
        self.isDefault = isDefault
    }
}
