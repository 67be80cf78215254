import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime

extension FakeWorldError {
    /// `path` (a world item, a timeline action) with the field the fake named inside it:
    /// `world.droplets[0]` → `world.droplets[0].size`.
    func fieldPath(under path: String) -> String { field.map { "\(path).\($0)" } ?? path }
}

/// A refusal of the scratch world, as a scenario error: at the field the fake names, in the words
/// of `docs/scenario-format.md`. `when` is the event's instant, nil while the world is built.
extension ScenarioDryRun {
    /// `path` is the world item or timeline action; the fake's `field` is a key inside it, unless
    /// `fieldIsExact` (the caller already named the field).
    func refusal(_ failure: any Error, at path: String, near: ScenarioLocation?, when: Timestamp?,
                 fieldIsExact: Bool = false) -> ScenarioError {
        guard let refused = failure as? FakeWorldError else { return error(path, near: near, "\(failure)") }
        let field = fieldIsExact ? path : refused.fieldPath(under: path)
        return error(field, near: near, message(for: refused.problem, when: when))
    }

    private func message(for problem: FakeWorldError.Problem, when: Timestamp?) -> String {
        let instant = when.map { " at \($0)" } ?? ""
        switch problem {
        case .unknown(.project, let name, _):
            let existing = fake.projectNames.sorted().joined(separator: ", ")
            return "no project named '\(name)' exists\(when.map { " at \($0)" } ?? " in the world"); existing projects: \(existing)"
        case .unknown(.droplet, let name, _) where when == nil:
            return "no world droplet is named '\(name)'"
        case .unknown(.reservedIP, let ip, _):
            return "no reserved IP labelled '\(builder.label(ofAddress: ip))' exists\(instant)"
        case .unknown(let kind, let name, let departure):
            return "no \(Self.noun(kind)) named '\(name)' exists\(instant)\(departure.map { " (it was \(Self.describe($0)))" } ?? "")"
        case .duplicate(.reservedIP, let label):
            return when == nil ? "another world reserved IP is labelled '\(label)'" : "a reserved IP labelled '\(label)' already exists"
        case .duplicate(let kind, let name) where when == nil && [.project, .droplet, .domain, .volume].contains(kind):
            return "another world \(Self.noun(kind)) is already named '\(name)'"
        case .duplicate(let kind, let name):
            return "\(Self.article(kind)) \(Self.noun(kind)) named '\(name)' already exists"
        case .conflict(let conflict):
            return message(for: conflict, instant: instant)
        case .unknownSize, .unknownRegion, .invalidState, .invalidArgument:
            return FakeWorldError(problem).description
        }
    }

    private func message(for conflict: FakeConflict, instant: String) -> String {
        switch conflict {
        case .alreadyPowered(let droplet, let on): "droplet '\(droplet)' is already \(on ? "active" : "off")\(instant)"
        case .volumeAlreadyAttached(let volume, let droplet): "volume '\(volume)' is already attached to '\(droplet)'\(instant)"
        case .volumeNotAttached(let volume): "volume '\(volume)' is not attached\(instant)"
        case .volumeStillAttached(let volume, let droplet): "volume '\(volume)' is attached to '\(droplet)'; detach it first"
        case .reservedIPAlreadyAssigned(let ip, let droplet):
            "reserved IP '\(builder.label(ofAddress: ip))' is already assigned to '\(droplet)'\(instant)"
        case .reservedIPNotAssigned(let ip): "reserved IP '\(builder.label(ofAddress: ip))' is not assigned\(instant)"
        case .reservedIPStillAssigned(let ip, let droplet):
            "reserved IP '\(builder.label(ofAddress: ip))' is assigned to '\(droplet)'; unassign it first"
        case .dropletAlreadyHasReservedIP(let droplet, let ip): "droplet '\(droplet)' already has reserved IP '\(builder.label(ofAddress: ip))'"
        case .backupsAlreadyEnabled(let droplet, _): "droplet '\(droplet)' already has backups enabled\(instant); disable them first"
        case .backupsNotEnabled(let droplet): "droplet '\(droplet)' has no backups enabled\(instant)"
        }
    }

    /// The scenario's word for each kind (DO's `database cluster` is a `database` in a scenario).
    private static func noun(_ kind: FakeResourceKind) -> String {
        kind == .database ? "database" : kind.noun
    }

    private static func article(_ kind: FakeResourceKind) -> String {
        kind == .app ? "an" : "a"
    }

    private static func describe(_ departure: FakeDeparture) -> String {
        switch departure.way {
        case .destroyed: "destroyed at \(departure.at)"
        case .destroyedByListingShift: "destroyed by the listing-shift fault at \(departure.at)"
        case .deleted: "deleted at \(departure.at)"
        case .renamed(let name): "renamed to '\(name)' at \(departure.at)"
        }
    }
}
