import DigitalOcean
import HeapModule
import MoneyAndTime

/// Droplet backups on DO's basic plans. Enabling picks a 4-hour window (the scenario's, or one
/// drawn from the seed) and the time within it; `advance` then takes a backup in every window
/// and deletes each backup when its plan's retention runs out (weekly: 28 days, so the fifth
/// weekly backup replaces the first; daily: 7 days). Disabling backups deletes the droplet's
/// backups (DO's "Disable Backups" docs), and so does destroying it.
extension FakeWorld {
    mutating func enableBackups(name: String, plan: BackupPolicy.Plan, weekday: Int?, hour: Int?,
                                sizeCentiGB: Int? = nil) throws(FakeWorldError) {
        let droplet = try droplet(named: name)
        if let current = droplet.backupPolicy {
            throw .conflict(.backupsAlreadyEnabled(droplet: name, plan: current.plan))
        }
        if let weekday, !BackupPolicy.weekdays.indices.contains(weekday) {
            throw .invalidArgument("a backup weekday is 0 (SUN) … 6 (SAT), got \(weekday)")
        }
        if let hour, !BackupPolicy.hours.contains(hour) {
            throw .invalidArgument("a backup window starts at hour 0, 4, 8, 12, 16 or 20, got \(hour)")
        }
        let drawn = StableHash.value(seed: billing.seed, key: UInt64(droplet.id), salt: 10)
        var policy = BackupPolicy(plan: plan, weekday: weekday ?? Int(drawn % 7),
                                  hour: hour ?? BackupPolicy.hours[Int(drawn / 7 % 6)])
        policy.sizeCentiGB = sizeCentiGB
        policy.offset = Int64(StableHash.value(seed: billing.seed, key: UInt64(droplet.id), salt: 11) % UInt64(BackupPolicy.windowSeconds))
        let first = policy.nextBackup(after: now)
        try updateDroplet(named: name) { droplet in
            droplet.backupPolicy = policy
            droplet.nextBackupAt = first
        }
        scheduleBackups(of: droplet.id)
        let now = now
        history.droplets.update(id: droplet.id) { $0.setBackups(plan, at: now) }
    }

    mutating func disableBackups(name: String) throws(FakeWorldError) {
        let id = try droplet(named: name).id
        try updateDroplet(named: name) { droplet throws(FakeWorldError) in
            guard droplet.backupPolicy != nil else { throw .conflict(.backupsNotEnabled(droplet: name)) }
            droplet.backupPolicy = nil
            droplet.nextBackupAt = nil
            droplet.backups = []
        }
        let now = now
        history.droplets.update(id: id) { $0.setBackups(nil, at: now) }
    }

    /// Takes every backup due and deletes every backup expired at or before `time`, in time
    /// order (droplets by id at the same instant), each at its own instant.
    mutating func runBackups(through time: Timestamp) {
        while let due = backupSchedule.min, due.at <= time {
            backupSchedule.removeMin()
            let at = due.at
            guard var droplet = droplets[due.dropletID], droplet.nextBackupEvent == at else { continue }
            droplet.backups.removeAll { $0.hasExpired(at: at) }
            if droplet.nextBackupAt == at, let policy = droplet.backupPolicy {
                droplet.backups.append(takeBackup(of: droplet, sizeCentiGB: policy.sizeCentiGB, at: at,
                                                  expiresAt: at + policy.plan.retentionSeconds))
                droplet.nextBackupAt = policy.nextBackup(after: at)
            }
            store(changed: droplet)
            scheduleBackups(of: droplet.id)
        }
    }

    /// One backup of the droplet now, out of its schedule: what a scenario states when it knows a
    /// backup the schedule took (a capture replays each backup a ledger observed, at its size,
    /// until the listing that first missed it). It is kept until `keptUntil`, else for the plan's
    /// retention when backups are on, else until they are turned off or the droplet is destroyed.
    mutating func takeBackup(name: String, sizeCentiGB: Int?, keptUntil: Timestamp?) throws(FakeWorldError) {
        let droplet = try droplet(named: name, field: "droplet")
        if let keptUntil, keptUntil <= now {
            throw .invalidArgument("a backup is kept until a time after it is taken (\(now.iso8601)), got \(keptUntil.iso8601)")
        }
        let backup = takeBackup(of: droplet, sizeCentiGB: sizeCentiGB, at: now,
                                expiresAt: keptUntil ?? droplet.backupPolicy.map { now + $0.plan.retentionSeconds })
        try updateDroplet(named: name) { $0.backups.append(backup) }
        scheduleBackups(of: droplet.id)
    }

    /// Puts the droplet's next backup event on the schedule. Called whenever its schedule gains
    /// an event (backups enabled, a backup taken, in or out of schedule).
    private mutating func scheduleBackups(of id: Int) {
        guard let at = droplets[id]?.nextBackupEvent else { return }
        backupSchedule.insert(BackupDue(at: at, dropletID: id))
    }

    /// DO names a backup after its droplet and day, as in its example `web-01- 2020-07-29`. Its
    /// size is `sizeCentiGB` when the scenario states one, else derived (`ImageSizes`).
    private mutating func takeBackup(of droplet: FakeDroplet, sizeCentiGB: Int?, at time: Timestamp, expiresAt: Timestamp?) -> FakeBackup {
        let id = nextImageID()
        let size = sizeCentiGB ?? ImageSizes(seed: billing.seed).droplet(id: droplet.id, createdAt: droplet.createdAt,
                                                                         diskGB: droplet.size.diskGB, at: time, salt: UInt64(id))
        return FakeBackup(id: id, name: "\(droplet.name)- \(time.isoDate)", region: droplet.region, sizeCentiGB: size,
                          minDiskSize: droplet.size.diskGB, createdAt: time, expiresAt: expiresAt)
    }

    /// Image ids (snapshots and backups share DO's image id space) rise by 1–997 from a
    /// seed-derived start, hashed rather than drawn so that images never shift the world's stream.
    mutating func nextImageID() -> Int {
        let previous = lastImageID ?? 150_000_000 + Int(StableHash.value(seed: billing.seed, key: 0, salt: 12) % 10_000_000)
        let id = previous + 1 + Int(StableHash.value(seed: billing.seed, key: UInt64(previous), salt: 13) % 997)
        lastImageID = id
        return id
    }
}
