import DigitalOcean
import GRDB
import MoneyAndTime

/// Meters one day inside one transaction: for every resource of a metered kind that a deployment
/// held that day (through its project), one record per period of the kind's granularity.
///
/// A year of a large fleet runs this hundreds of thousands of times per resource-day, so the day
/// reads in bulk: every candidate's timeline in two queries, what is already recorded in one, and
/// each period's bounds are formatted once for the day rather than once per record.
enum UsageMeter {
    static func meter(_ db: Database, day: Timestamp, at now: Timestamp) throws -> MeteringReport {
        var report = MeteringReport(day: day)
        let deployments = try deploymentsByProject(db)
        guard !deployments.isEmpty else { return report }
        let policies = try MeteringConfigStore.load(db)
        let dayEnd = day + 86_400
        let monthStart = day.startOfMonth
        let deferral = try MeteringDeferral(db, dayEnd: dayEnd)
        let candidates = try candidates(db, from: day, to: dayEnd)
        let droplets = Dictionary(uniqueKeysWithValues: candidates.filter { $0.kind == .droplet }.map { ($0.providerID, $0) })
        let recorded = try UsageRecordStore.recordedGranularities(db, from: day, to: dayEnd)
        let inserter = try UsageRecordStore.Inserter(db, recordedAt: now)
        var periods: [MeteringGranularity: [UsageRecordStore.Period]] = [:]
        for var timeline in candidates {
            if deferral.defers(timeline) {
                report.deferred += 1
                continue
            }
            guard let entry = MeteredKinds.table[timeline.kind] else { continue }
            if entry.followsParentDroplet, !timeline.hasOwnProject, let parent = try parentDroplet(db, of: timeline, among: droplets) {
                timeline.followProjects(of: parent)
            }
            let spans = timeline.spans(from: monthStart, to: dayEnd)
            let heldToday = Set(spans.filter { $0.end > day }.compactMap(\.project)).sorted()
            for project in heldToday {
                guard let deploymentID = deployments[project] else { continue }
                let policy = policies[entry.billingKind] ?? .standard
                let key = UsageRecordStore.RecordKey(deploymentID: deploymentID, resourceID: timeline.resourceID)
                if recorded[key]?.contains(where: { $0 != policy.granularity }) == true {
                    report.skipped.append("\(label(timeline)): already recorded for \(day.isoDate) at another granularity")
                    continue
                }
                let accrual: MonthlyAccrual
                do {
                    accrual = try MonthlyAccrual(measure: entry.measure, spans: spans.filter { $0.project == project }, monthStart: monthStart)
                } catch {
                    report.skipped.append("\(label(timeline)): \(error)")
                    continue
                }
                let retained = policy.retentionCutoff(at: now)
                let dayPeriods = periods[policy.granularity] ?? UsageRecordStore.Period.all(of: day, granularity: policy.granularity)
                periods[policy.granularity] = dayPeriods
                for period in dayPeriods {
                    guard accrual.secondsHeld(from: period.start, to: period.end) > 0, retained.map({ period.end > $0 }) ?? true else { continue }
                    let written = try inserter.insert(deploymentID: deploymentID, resourceID: timeline.resourceID, billingKind: entry.billingKind,
                                                      period: period, quantity: accrual.quantity(from: period.start, to: period.end))
                    if written { report.written += 1 } else { report.alreadyRecorded += 1 }
                }
            }
        }
        try MeteringDeferral.record(db, day: day, deferred: report.deferred > 0)
        return report
    }

    /// Deployments' row ids by the name of the project each owns. A cached statement: GRDB
    /// compiles a query-interface request anew on every call, and this runs every day.
    private static func deploymentsByProject(_ db: Database) throws -> [String: Int64] {
        var byProject: [String: Int64] = [:]
        for deployment in try Deployment.fetchAll(db.cachedStatement(sql: "SELECT * FROM \(Deployment.databaseTableName)")) {
            byProject[deployment.projectName] = deployment.id
        }
        return byProject
    }

    /// The timelines of the resources of a metered kind that existed at some point of `[from, to)`, by id.
    private static func candidates(_ db: Database, from: Timestamp, to: Timestamp) throws -> [ObservedTimeline] {
        let kinds = MeteredKinds.table.keys.map(\.rawValue).sorted()
        return try ObservedTimeline.load(
            db, where: "r.kind IN (\(kinds.map { _ in "?" }.joined(separator: ", "))) AND r.first_seen_at < ? AND (r.stale_at IS NULL OR r.stale_at > ?)",
            arguments: StatementArguments(kinds + [to.iso8601, from.iso8601]))
    }

    /// The droplet a backup backs: among the day's candidates, or (gone before the day) read alone.
    private static func parentDroplet(_ db: Database, of timeline: ObservedTimeline,
                                      among droplets: [String: ObservedTimeline]) throws -> ObservedTimeline? {
        guard let parentID = timeline.attributes[MeteredKinds.parentDropletAttribute]?.display else { return nil }
        if let parent = droplets[parentID] { return parent }
        return try ObservedTimeline.load(db, where: "r.kind = ? AND r.provider_id = ?", arguments: [ResourceKind.droplet.rawValue, parentID]).first
    }

    private static func label(_ timeline: ObservedTimeline) -> String {
        "\(timeline.kind):\(timeline.name) (\(timeline.providerID))"
    }
}
