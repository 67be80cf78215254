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
