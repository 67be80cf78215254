import FakeDigitalOcean

// Droplet backups and snapshots: the specs, their YAML and their play on the fake, which takes the
// backups as its clock advances.

/// DO's basic backup plans.
public enum BackupPlan: String, Sendable, Equatable, CaseIterable {
    case weekly
    case daily
}

/// `enable_backups`: the droplet, its plan and, optionally, the 4-hour window.
public struct BackupsSpec: Sendable, Equatable {
    /// DO's weekday spellings, Sunday first (`weekday` indexes this).
    public static let weekdays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
    /// The hours a backup window may start at.
    public static let hours = [0, 4, 8, 12, 16, 20]

    public var droplet: String
    public var plan: BackupPlan
    /// 0 = SUN … 6 = SAT, weekly only; nil: the fake draws it from the seed.
    public var weekday: Int?
    /// The window's first hour; nil: drawn from the seed.
    public var hour: Int?

    public init(droplet: String, plan: BackupPlan, weekday: Int? = nil, hour: Int? = nil) {
        self.droplet = droplet
        self.plan = plan
        self.weekday = weekday
        self.hour = hour
    }
}

/// What a snapshot is taken of.
public enum SnapshotSource: Sendable, Equatable {
    case droplet(String)
    case volume(String)
}

/// `take_snapshot`: a named snapshot of a droplet or a volume.
public struct SnapshotSpec: Sendable, Equatable {
    public var name: String
    public var source: SnapshotSource

    public init(name: String, source: SnapshotSource) {
        self.name = name
        self.source = source
    }
}

extension YAMLNodeReader {
    /// `{name, policy: weekly|daily, weekday?: SUN…SAT (weekly only), hour?: 0|4|…|20}`.
    func enableBackups(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "policy", "weekday", "hour"])
        let name = try nonEmptyString(map.required("name"))
        let plan = try oneOf(map.required("policy"), BackupPlan.allCases.map { ($0.rawValue, $0) })
        let weekday = try map.optional("weekday").map { field throws(ScenarioError) in
            try oneOf(field, BackupsSpec.weekdays.enumerated().map { ($0.element, $0.offset) })
        }
        if plan == .daily, let field = map.optional("weekday") {
            throw error(field, "a daily plan backs up every day; 'weekday' only goes with policy: weekly")
        }
        let hour = try map.optional("hour").map { field throws(ScenarioError) in
            let hour = try integer(field, atLeast: 0, atMost: 23)
            guard BackupsSpec.hours.contains(hour) else {
                throw error(field, "a backup window starts at hour 0, 4, 8, 12, 16 or 20; found \(hour)")
            }
            return hour
        }
        return .enableBackups(BackupsSpec(droplet: name, plan: plan, weekday: weekday, hour: hour))
    }

    /// `{name, droplet}` or `{name, volume}`.
    func takeSnapshot(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "droplet", "volume"])
        let name = try nonEmptyString(map.required("name"))
        let source: SnapshotSource
        switch (map.optional("droplet"), map.optional("volume")) {
        case (let droplet?, nil):
            source = .droplet(try nonEmptyString(droplet))
        case (nil, let volume?):
            source = .volume(try nonEmptyString(volume))
        case (.some, .some):
            throw error(body, "names both a droplet and a volume; a snapshot is of one of them")
        case (nil, nil):
            throw error(body, "missing what to snapshot: add 'droplet' or 'volume'")
        }
        return .takeSnapshot(SnapshotSpec(name: name, source: source))
    }
}

extension WorldBuilder {
    func applyImageAction(_ action: ScenarioAction) throws {
        switch action {
        case .enableBackups(let b):
            try fake.enableBackups(droplet: b.droplet, plan: b.plan == .weekly ? .weekly : .daily, weekday: b.weekday, hour: b.hour)
        case .disableBackups(let name): try fake.disableBackups(droplet: name)
        case .takeSnapshot(let snapshot):
            switch snapshot.source {
            case .droplet(let droplet): try fake.takeDropletSnapshot(droplet: droplet, name: snapshot.name)
            case .volume(let volume): try fake.takeVolumeSnapshot(volume: volume, name: snapshot.name)
            }
        case .deleteSnapshot(let name): try fake.deleteSnapshot(name: name)
        default: preconditionFailure("\(action.kind.rawValue) is not a backup or snapshot action")
        }
    }
}
