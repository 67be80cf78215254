import DigitalOcean
import MoneyAndTime

/// Why a world mutation was refused. Scenario errors surface through these: a scenario's dry run
/// turns one into `file:line:column: field: message`, so the error says which argument it is about
/// (`field`) and keeps its parts (`problem`) rather than only a sentence.
public struct FakeWorldError: Error, Equatable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case unknownSize(String)
        case unknownRegion(String)
        /// No live resource of that kind has the name; `departure` says why, when the world remembers.
        case unknown(FakeResourceKind, String, departure: FakeDeparture?)
        case duplicate(FakeResourceKind, String)
        /// The resource is not in the state the operation needs (names, not ids, for messages).
        case conflict(FakeConflict)
        /// Any other state the operation does not apply in.
        case invalidState(String)
        case invalidArgument(String)
    }

    public var problem: Problem
    /// The argument it concerns, named as a scenario names it (`name`, `droplet`, `to`, `project`,
    /// `droplets`, `volume`, `size`); nil when it is about the call as a whole.
    public var field: String?

    public init(_ problem: Problem, field: String? = nil) {
        self.problem = problem
        self.field = field
    }

    public static func unknownSize(_ slug: String) -> Self { Self(.unknownSize(slug), field: "size") }
    public static func unknownRegion(_ slug: String) -> Self { Self(.unknownRegion(slug), field: "region") }
    public static func invalidState(_ detail: String) -> Self { Self(.invalidState(detail)) }
    public static func invalidArgument(_ detail: String) -> Self { Self(.invalidArgument(detail)) }
    public static func unknown(_ kind: FakeResourceKind, _ name: String, departure: FakeDeparture? = nil, field: String = "name") -> Self {
        Self(.unknown(kind, name, departure: departure), field: field)
    }
    public static func duplicate(_ kind: FakeResourceKind, _ name: String, field: String = "name") -> Self {
        Self(.duplicate(kind, name), field: field)
    }
    public static func conflict(_ conflict: FakeConflict, field: String = "name") -> Self { Self(.conflict(conflict), field: field) }

    /// The same problem, about another argument (a caller that knows better which one it was).
    public func about(_ field: String) -> Self { Self(problem, field: field) }

    public var description: String {
        switch problem {
        case .unknownSize(let slug):
            "unknown droplet size '\(slug)' (known: \(SizeCatalogue.slugs.joined(separator: ", ")))"
        case .unknownRegion(let slug):
            "unknown region '\(slug)' (known: \(RegionCatalogue.slugs.joined(separator: ", ")))"
        case .unknown(.droplet, let name, _):
            "no live droplet named '\(name)'"
        case .unknown(.reservedIP, let ip, _):
            "no reserved IP \(ip)"
        case .unknown(let kind, let name, _):
            "no \(kind.noun) named '\(name)'"
        case .duplicate(.droplet, let name):
            "a live droplet is already named '\(name)'"
        case .duplicate(let kind, let name) where kind == .domain || kind == .project:
            "\(kind.noun) '\(name)' already exists"
        case .duplicate(let kind, let name):
            "a \(kind.noun) is already named '\(name)'"
        case .conflict(let conflict):
            conflict.description
        case .invalidState(let detail), .invalidArgument(let detail):
            detail
        }
    }
}

/// The kinds of named thing a world mutation can fail to find, or find twice.
public enum FakeResourceKind: String, Sendable, Equatable {
    case droplet, domain, project, volume, snapshot, firewall, tag
    case reservedIP = "reserved IP"
    case loadBalancer = "load balancer"
    case spacesBucket = "Spaces bucket"
    case database = "database cluster"
    case k8sCluster = "Kubernetes cluster"
    case app

    /// How the fake's own messages name it.
    public var noun: String { rawValue }
}

/// Why a name no longer refers to a live resource, and since when: the world remembers the last
/// departure of each droplet and domain name until the name is taken again.
public struct FakeDeparture: Equatable, Sendable {
    public enum Way: Equatable, Sendable {
        case destroyed
        /// By a listing-shift fault, between two pages of a listing.
        case destroyedByListingShift
        case deleted
        case renamed(to: String)
    }

    public var way: Way
    public var at: Timestamp

    public init(way: Way, at: Timestamp) {
        self.way = way
        self.at = at
    }
}

/// A resource in the wrong state for the operation, by the names a scenario uses (droplets and
/// volumes by name; reserved IPs by address, which only their creator can map back to a label).
public enum FakeConflict: Equatable, Sendable, CustomStringConvertible {
    case alreadyPowered(droplet: String, on: Bool)
    case volumeAlreadyAttached(volume: String, droplet: String)
    case volumeNotAttached(volume: String)
    /// Deleting an attached volume.
    case volumeStillAttached(volume: String, droplet: String)
    case reservedIPAlreadyAssigned(ip: String, droplet: String)
    case reservedIPNotAssigned(ip: String)
    /// Releasing an assigned reserved IP.
    case reservedIPStillAssigned(ip: String, droplet: String)
    case dropletAlreadyHasReservedIP(droplet: String, ip: String)
    case backupsAlreadyEnabled(droplet: String, plan: BackupPolicy.Plan)
    case backupsNotEnabled(droplet: String)

    public var description: String {
        switch self {
        case .alreadyPowered(let droplet, let on): "droplet '\(droplet)' is already \(on ? "on" : "off")"
        case .volumeAlreadyAttached(let volume, let droplet): "volume '\(volume)' is already attached to droplet '\(droplet)'"
        case .volumeNotAttached(let volume): "volume '\(volume)' is not attached"
        case .volumeStillAttached(let volume, _): "volume '\(volume)' is attached; detach it first"
        case .reservedIPAlreadyAssigned(let ip, _): "reserved IP \(ip) is already assigned"
        case .reservedIPNotAssigned(let ip): "reserved IP \(ip) is not assigned"
        case .reservedIPStillAssigned(let ip, _): "reserved IP \(ip) is assigned; unassign it first"
        case .dropletAlreadyHasReservedIP(let droplet, _): "droplet '\(droplet)' already has a reserved IP"
        case .backupsAlreadyEnabled(let droplet, let plan): "droplet '\(droplet)' already has \(plan.rawValue) backups; disable them first"
        case .backupsNotEnabled(let droplet): "droplet '\(droplet)' has no backups enabled"
        }
    }
}
