import ArcadiaCore
import FakeDigitalOcean
import Foundation
import MoneyAndTime

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
    /// Every backup's size in hundredths of a GB (`size_gb: 2.34`); nil: the fake derives each.
    public var sizeCentiGB: Int?

    public init(droplet: String, plan: BackupPlan, weekday: Int? = nil, hour: Int? = nil, sizeCentiGB: Int? = nil) {
        self.droplet = droplet
        self.plan = plan
        self.weekday = weekday
        self.hour = hour
        self.sizeCentiGB = sizeCentiGB
    }
}

/// `take_backup`: one backup of a droplet at `at`, as its schedule would take one, of a stated
/// size and kept until a stated time (a capture states each backup a ledger observed this way).
public struct BackupSpec: Sendable, Equatable {
    public var droplet: String
    /// Hundredths of a GB; nil: the fake derives it.
    public var sizeCentiGB: Int?
    /// When it is deleted; nil: the plan's retention when backups are on, else kept.
    public var keptUntil: Timestamp?

    public init(droplet: String, sizeCentiGB: Int? = nil, keptUntil: Timestamp? = nil) {
        self.droplet = droplet
        self.sizeCentiGB = sizeCentiGB
        self.keptUntil = keptUntil
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
    /// Hundredths of a GB (`size_gb: 2.34`, DO's `size_gigabytes`); nil: the fake derives it.
    public var sizeCentiGB: Int?

    public init(name: String, source: SnapshotSource, sizeCentiGB: Int? = nil) {
        self.name = name
        self.source = source
        self.sizeCentiGB = sizeCentiGB
    }
}

/// A size in GB as DO states an image's `size_gigabytes`, to hundredths: `2.34` is 234.
enum ImageSize {
    /// The most a scenario may state, 16 TiB in GB: more than any droplet disk or volume.
    static let largestCentiGB = 16_384 * 100

    static func text(centiGB: Int) -> String {
        DecimalText.format(Decimal(centiGB) / 100)
    }

    /// `2.34` as 234; nil unless it is more than 0, at most the largest, and exact to hundredths.
    static func centiGB(_ text: String) -> Int? {
        guard var scaled = DecimalText.parse(text).map({ $0 * 100 }) else { return nil }
        var whole = Decimal()
        NSDecimalRound(&whole, &scaled, 0, .plain)
        guard scaled > 0, whole == scaled, scaled <= Decimal(largestCentiGB) else { return nil }
        return NSDecimalNumber(decimal: whole).intValue
    }
}

extension YAMLNodeReader {
    /// `size_gb`: more than 0 and at most 16384, to hundredths (`2.34`), as hundredths of a GB.
    func imageSize(_ field: YAMLField) throws(ScenarioError) -> Int {
        let text = try nonEmptyString(field)
        guard let centi = ImageSize.centiGB(text) else {
            throw error(field, "'\(text)' is not a size in GB above 0 and at most \(ImageSize.largestCentiGB / 100), "
                            + "with at most two decimals, e.g. 2.34")
        }
        return centi
    }

    /// `{name, policy: weekly|daily, weekday?: SUN…SAT (weekly only), hour?: 0|4|…|20, size_gb?}`.
    func enableBackups(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "policy", "weekday", "hour", "size_gb"])
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
        return .enableBackups(BackupsSpec(droplet: name, plan: plan, weekday: weekday, hour: hour,
                                          sizeCentiGB: try map.optional("size_gb").map(imageSize)))
    }

    /// `{droplet, size_gb?, kept_until?}`.
    func takeBackup(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["droplet", "size_gb", "kept_until"])
        return .takeBackup(BackupSpec(droplet: try nonEmptyString(map.required("droplet")),
                                      sizeCentiGB: try map.optional("size_gb").map(imageSize),
                                      keptUntil: try map.optional("kept_until").map(time)))
    }

    /// `{name, droplet, size_gb?}` or `{name, volume, size_gb?}`.
    func takeSnapshot(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "droplet", "volume", "size_gb"])
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
        return .takeSnapshot(SnapshotSpec(name: name, source: source, sizeCentiGB: try map.optional("size_gb").map(imageSize)))
    }
}

extension WorldBuilder {
    func applyImageAction(_ action: ScenarioAction) throws {
        switch action {
        case .enableBackups(let b):
            try fake.enableBackups(droplet: b.droplet, plan: b.plan == .weekly ? .weekly : .daily, weekday: b.weekday, hour: b.hour,
                                   sizeCentiGB: b.sizeCentiGB)
        case .disableBackups(let name): try fake.disableBackups(droplet: name)
        case .takeBackup(let b): try fake.takeBackup(droplet: b.droplet, sizeCentiGB: b.sizeCentiGB, keptUntil: b.keptUntil)
        case .takeSnapshot(let snapshot):
            switch snapshot.source {
            case .droplet(let droplet): try fake.takeDropletSnapshot(droplet: droplet, name: snapshot.name, sizeCentiGB: snapshot.sizeCentiGB)
            case .volume(let volume): try fake.takeVolumeSnapshot(volume: volume, name: snapshot.name, sizeCentiGB: snapshot.sizeCentiGB)
            }
        case .deleteSnapshot(let name): try fake.deleteSnapshot(name: name)
        default: preconditionFailure("\(action.kind.rawValue) is not a backup or snapshot action")
        }
    }
}
