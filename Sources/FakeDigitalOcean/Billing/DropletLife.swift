import DigitalOcean
import MoneyAndTime

/// One droplet's whole life, kept after it is destroyed so that any period can be billed
/// afterwards. Stored as changes (O(changes), not O(time)): the size intervals are derived.
struct DropletLife: Sendable {
    /// A size the droplet took at `since`, held until the next change or the end of its life.
    struct SizeChange: Sendable, Equatable {
        let since: Timestamp
        let size: FakeSize
    }

    struct PowerChange: Sendable, Equatable {
        let at: Timestamp
        let poweredOn: Bool
    }

    /// Backups switched on with a plan, or off (`plan` nil), at `at`.
    struct BackupChange: Sendable, Equatable {
        let at: Timestamp
        let plan: BackupPolicy.Plan?
    }

    /// A stretch of life at one size; `end` is nil while the droplet lives on at that size.
    struct SizeInterval: Sendable, Equatable {
        let size: FakeSize
        let start: Timestamp
        let end: Timestamp?
    }

    let id: Int
    /// The latest name: invoice lines name a droplet as it is called when the invoice is drawn up.
    private(set) var name: String
    /// The project it is (or was last) in; DO prints it on each line.
    private(set) var projectName: String
    let createdAt: Timestamp
    private(set) var destroyedAt: Timestamp?
    private(set) var sizes: [SizeChange]
    /// Kept for the record: DO bills a powered-off droplet like a running one, so no charge reads it.
    private(set) var powerChanges: [PowerChange]
    /// Every time backups were enabled or disabled; empty for a droplet never backed up.
    private(set) var backupChanges: [BackupChange] = []

    init(id: Int, name: String, projectName: String, size: FakeSize, poweredOn: Bool, createdAt: Timestamp) {
        self.id = id
        self.name = name
        self.projectName = projectName
        self.createdAt = createdAt
        sizes = [SizeChange(since: createdAt, size: size)]
        powerChanges = [PowerChange(at: createdAt, poweredOn: poweredOn)]
    }

    /// The size it has now (or had when destroyed) and since when.
    var currentSize: SizeChange { sizes[sizes.count - 1] }

    var sizeIntervals: [SizeInterval] {
        sizes.indices.map { index in
            let end = index + 1 < sizes.count ? sizes[index + 1].since : destroyedAt
            return SizeInterval(size: sizes[index].size, start: sizes[index].since, end: end)
        }
    }

    mutating func resize(to size: FakeSize, at time: Timestamp) {
        sizes.append(SizeChange(since: time, size: size))
    }

    mutating func setPower(on: Bool, at time: Timestamp) {
        powerChanges.append(PowerChange(at: time, poweredOn: on))
    }

    mutating func setBackups(_ plan: BackupPolicy.Plan?, at time: Timestamp) {
        backupChanges.append(BackupChange(at: time, plan: plan))
    }

    /// Stretches of life with backups on, each with its plan; `end` nil while it lasts.
    var backupIntervals: [(plan: BackupPolicy.Plan, start: Timestamp, end: Timestamp?)] {
        backupChanges.indices.compactMap { index in
            guard let plan = backupChanges[index].plan else { return nil }
            let end = index + 1 < backupChanges.count ? backupChanges[index + 1].at : destroyedAt
            return (plan, backupChanges[index].at, end)
        }
    }

    mutating func rename(to newName: String) {
        name = newName
    }

    mutating func move(toProject project: String) {
        projectName = project
    }

    mutating func destroy(at time: Timestamp) {
        destroyedAt = time
    }
}

/// Every droplet that ever lived, in id order (ids only grow, so appending keeps the order).
struct DropletHistory: Sendable {
    private(set) var lives: [DropletLife] = []
    private var positions: [Int: Int] = [:]
    /// Rebuilt on every change (`SteadyFleetIndex`).
    private var index = SteadyFleetIndex()

    mutating func begin(_ life: DropletLife) {
        positions[life.id] = lives.count
        lives.append(life)
        index = SteadyFleetIndex()
    }

    mutating func update(id: Int, _ change: (inout DropletLife) -> Void) {
        guard let position = positions[id] else { preconditionFailure("droplet \(id) has no recorded life") }
        change(&lives[position])
        index = SteadyFleetIndex()
    }

    /// Positions in `lives` of the droplets that ever had backups.
    var backedUp: [Int] { index.backedUp(lives) }

    /// Σ of every droplet's `DropletCharges.usage` in `period`, with the steady droplets charged per
    /// price (`SteadyFleetIndex`). A test holds it equal to the droplet-by-droplet sum.
    func usage(in period: Range<Timestamp>) throws(MoneyOverflow) -> Money {
        let split = index.split(from: period.lowerBound, lives: lives)
        var total = Money.zero
        if period.upperBound > period.lowerBound {
            let hours = DropletCharges.billableHours(seconds: period.upperBound - period.lowerBound)
            for group in split.steady {
                total = try total.adding(DropletCharges.charge(hours: hours, monthlyCents: group.priceCents).scaled(by: group.count, dividedBy: 1))
            }
        }
        for droplet in split.fresh where droplet.createdAt < period.upperBound {
            let hours = DropletCharges.billableHours(seconds: period.upperBound - droplet.createdAt)
            total = try total.adding(DropletCharges.charge(hours: hours, monthlyCents: droplet.priceCents))
        }
        for droplet in split.resized {
            total = try total.adding(period.upperBound >= droplet.since ? droplet.usage(until: period.upperBound)
                                     : DropletCharges.usage(for: lives[droplet.position], in: period))
        }
        total = try total.adding(SteadyFleetIndex.charges(of: split.resizedOneByOne, lives, in: period))
        if let settled = split.settled, period.upperBound >= split.settledAt { return try total.adding(settled) }
        return try total.adding(SteadyFleetIndex.charges(of: split.destroyed, lives, in: period))
    }

    func life(id: Int) -> DropletLife? {
        positions[id].map { lives[$0] }
    }
}
