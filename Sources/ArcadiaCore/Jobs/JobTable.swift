/// The production job table: which worker runs when. This is the one place the cadence is written;
/// the service's scheduler and the workbench's virtual clock both read it.
public enum JobTable {
    public static let production: [ScheduledJob] = [
        ScheduledJob(.syncDroplets, .every(minutes: 15, offset: 0)),
        ScheduledJob(.syncVolumes, .every(minutes: 15, offset: 0)),
        ScheduledJob(.syncReservedIPs, .every(minutes: 15, offset: 0)),
        ScheduledJob(.syncFirewalls, .every(minutes: 15, offset: 0)),
        ScheduledJob(.syncLoadBalancers, .every(minutes: 15, offset: 0)),
        ScheduledJob(.syncDomains, .every(minutes: 15, offset: 0)),
        ScheduledJob(.syncSnapshots, .hourly(minute: 33)),
        ScheduledJob(.syncBackups, .hourly(minute: 41)),
        ScheduledJob(.syncProjects, .every(minutes: 15, offset: 0)),
        ScheduledJob(.costBalance, .hourly(minute: 7)),
        ScheduledJob(.costInvoices, .daily(hour: 2, minute: 23)),
        ScheduledJob(.driftSweep, .hourly(minute: 20)),
        ScheduledJob(.revenueMetering, .daily(hour: 1, minute: 10)),
        ScheduledJob(.revenueRollup, .monthly(day: 1, hour: 3, minute: 0)),
        ScheduledJob(.revenueIssue, .daily(hour: 3, minute: 30)),
    ]
}

/// A job and its schedule. Jobs due at the same instant run in table order, so the projects pass
/// (which attributes resources) runs after the workers that create them; it is the last inventory
/// worker of the table, so one sweep in table order (`arcadia sync`) attributes everything it found.
public struct ScheduledJob: Sendable, Equatable {
    public var job: JobID
    public var schedule: JobSchedule
    public init(_ job: JobID, _ schedule: JobSchedule) {
        self.job = job
        self.schedule = schedule
    }
}

/// The workers the job table can fire.
public enum JobID: String, Sendable, CaseIterable, Comparable {
    case syncDroplets = "sync.droplets"
    case syncVolumes = "sync.volumes"
    case syncReservedIPs = "sync.reserved_ips"
    case syncFirewalls = "sync.firewalls"
    case syncLoadBalancers = "sync.load_balancers"
    case syncDomains = "sync.domains"
    case syncProjects = "sync.projects"
    case syncSnapshots = "sync.snapshots"
    case syncBackups = "sync.backups"
    case costBalance = "cost.balance"
    case costInvoices = "cost.invoices"
    case driftSweep = "drift.sweep"
    case revenueMetering = "revenue.metering"
    case revenueRollup = "revenue.rollup"
    case revenueIssue = "revenue.issue"

    public static func < (lhs: JobID, rhs: JobID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Compared and hashed by case rather than by name (`RawRepresentable`'s defaults): the
    /// simulator looks a job up at each of a year's few hundred thousand firings.
    public static func == (lhs: JobID, rhs: JobID) -> Bool { lhs.ordinal == rhs.ordinal }

    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// The case's place in the table of jobs, 0 ..< `JobID.allCases.count`.
    var ordinal: Int {
        switch self {
        case .syncDroplets: 0
        case .syncVolumes: 1
        case .syncReservedIPs: 2
        case .syncFirewalls: 3
        case .syncLoadBalancers: 4
        case .syncDomains: 5
        case .syncProjects: 6
        case .syncSnapshots: 7
        case .syncBackups: 8
        case .costBalance: 9
        case .costInvoices: 10
        case .driftSweep: 11
        case .revenueMetering: 12
        case .revenueRollup: 13
        case .revenueIssue: 14
        }
    }

    /// An inventory worker: lists one kind of DO resource into the inventory.
    public var isInventorySync: Bool { rawValue.hasPrefix("sync.") }
}
