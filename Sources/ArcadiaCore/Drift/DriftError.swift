/// Why a drift operation was refused. Each names the drift or resource and field, so an operator
/// (or a scenario author) can tell which inbox entry was meant.
public enum DriftError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No inventoried resource with this kind and provider id: a spec needs its resource row.
    case unknownResource(kind: ResourceKind, providerID: String)
    /// No drift with this id.
    case unknownDrift(id: Int64)
    /// The drift exists but is not open, so it cannot be accepted or reverted again.
    case notOpen(id: Int64, field: String, status: DriftStatus)
    /// The resource has no open drift on this field (`latest` is the newest finding's status, if any).
    case noOpenDrift(kind: ResourceKind, providerID: String, field: String, latest: DriftStatus?)

    /// The description with the resource called `name` instead of its provider id: a scenario
    /// names its droplets, and the id the fake drew means nothing to its author.
    public func description(naming name: String) -> String {
        switch self {
        case .unknownResource(let kind, _):
            return "no \(kind) named '\(name)' in the inventory"
        case .noOpenDrift(let kind, _, let field, let latest):
            return Self.noOpenDrift("\(kind) '\(name)'", field: field, latest: latest)
        case .unknownDrift, .notOpen:
            return description
        }
    }

    private static func noOpenDrift(_ resource: String, field: String, latest: DriftStatus?) -> String {
        let last = latest.map { "; its latest finding is \($0.rawValue)" } ?? "; it never drifted"
        return "\(resource) has no open drift on \(field)\(last)"
    }

    public var description: String {
        switch self {
        case .unknownResource(let kind, let id):
            return "no \(kind) with provider id \(id) in the inventory"
        case .unknownDrift(let id):
            return "no drift #\(id)"
        case .notOpen(let id, let field, let status):
            return "drift #\(id) on \(field) is \(status.rawValue), not open"
        case .noOpenDrift(let kind, let id, let field, let latest):
            return Self.noOpenDrift("\(kind) \(id)", field: field, latest: latest)
        }
    }
}
