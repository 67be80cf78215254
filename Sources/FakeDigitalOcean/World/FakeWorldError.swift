/// Why a world mutation was refused. Scenario errors surface through these, so each message names
/// the thing and, where it helps, what would have been accepted.
public enum FakeWorldError: Error, Equatable, CustomStringConvertible {
    case unknownSize(String)
    case unknownRegion(String)
    case unknownDroplet(String)
    case unknownDomain(String)
    case unknownProject(String)
    case duplicateDroplet(String)
    case duplicateDomain(String)
    case duplicateProject(String)
    /// The operation does not apply in the resource's current state (e.g. powering off an off droplet).
    case invalidState(String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .unknownSize(let slug):
            "unknown droplet size '\(slug)' (known: \(SizeCatalogue.slugs.joined(separator: ", ")))"
        case .unknownRegion(let slug):
            "unknown region '\(slug)' (known: \(RegionCatalogue.slugs.joined(separator: ", ")))"
        case .unknownDroplet(let name):
            "no live droplet named '\(name)'"
        case .unknownDomain(let name):
            "no domain named '\(name)'"
        case .unknownProject(let name):
            "no project named '\(name)'"
        case .duplicateDroplet(let name):
            "a live droplet is already named '\(name)'"
        case .duplicateDomain(let name):
            "domain '\(name)' already exists"
        case .duplicateProject(let name):
            "project '\(name)' already exists"
        case .invalidState(let detail), .invalidArgument(let detail):
            detail
        }
    }
}
