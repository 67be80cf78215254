import DigitalOcean
import GRDB
import MoneyAndTime

/// Meters one day inside one transaction: for every resource of a metered kind that a deployment
/// held that day (through its project), one record per period of the kind's granularity.
enum UsageMeter {
    static func meter(_ db: Database, day: Timestamp, at now: Timestamp) throws -> MeteringReport {
        var report = MeteringReport(day: day)
        let deployments = try deploymentsByProject(db)
        guard !deployments.isEmpty else { return report }
        let policies = try MeteringConfigStore.load(db)
        let dayEnd = day + 86_400
        let monthStart = day.startOfMonth
        let deferral = try MeteringDeferral(db, dayEnd: dayEnd)
        for candidate in try candidates(db, from: day, to: dayEnd) {
            let resourceID = candidate.id
            if deferral.defers(candidate) {
                report.deferred += 1
                continue
            }
            var timeline = try ObservedTimeline.load(db, resourceID: resourceID)
            guard let entry = MeteredKinds.table[timeline.kind] else { continue }
            if entry.followsParentDroplet, !timeline.hasOwnProject, let parent = try parentDroplet(db, of: timeline) {
                timeline.followProjects(of: parent)
            }
            let spans = timeline.spans(from: monthStart, to: dayEnd)
            let heldToday = Set(spans.filter { $0.end > day }.compactMap(\.project)).sorted()
            for project in heldToday {
                guard let deploymentID = deployments[project] else { continue }
                let policy = policies[entry.billingKind] ?? .standard
                if try UsageRecordStore.isRecorded(db, deploymentID: deploymentID, resourceID: resourceID, from: day, to: dayEnd,
                                                   otherThan: policy.granularity) {
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
                let retained = policy.retentionDays.map { now - Int64($0) * 86_400 }
                var start = day
                while start < dayEnd {
                    let end = start + policy.granularity.seconds
                    defer { start = end }
                    guard accrual.secondsHeld(from: start, to: end) > 0, retained.map({ end > $0 }) ?? true else { continue }
                    let written = try UsageRecordStore.insert(db, UsageRecord(
                        deploymentID: deploymentID, resourceID: resourceID, billingKind: entry.billingKind, periodStart: start,
                        periodEnd: end, granularity: policy.granularity, quantity: accrual.quantity(from: start, to: end), recordedAt: now))
                    if written { report.written += 1 } else { report.alreadyRecorded += 1 }
                }
            }
        }
        try MeteringDeferral.record(db, day: day, deferred: report.deferred > 0)
        return report
    }

    /// Deployments' row ids by the name of the project each owns.
    private static func deploymentsByProject(_ db: Database) throws -> [String: Int64] {
        var byProject: [String: Int64] = [:]
        for deployment in try Deployment.fetchAll(db) {
            byProject[deployment.projectName] = deployment.id
        }
        return byProject
    }

    /// Resources of a metered kind that existed at some point of `[from, to)`, by id.
    private static func candidates(_ db: Database, from: Timestamp, to: Timestamp) throws -> [MeteringDeferral.Candidate] {
        let kinds = MeteredKinds.table.keys.map(\.rawValue).sorted()
        return try MeteringDeferral.Candidate.fetchAll(db, sql: """
            SELECT id, kind, missing_since, stale_at FROM cloud_resources
            WHERE kind IN (\(kinds.map { _ in "?" }.joined(separator: ", "))) AND first_seen_at < ? AND (stale_at IS NULL OR stale_at > ?)
            ORDER BY id
            """, arguments: StatementArguments(kinds + [to.iso8601, from.iso8601]))
    }

    private static func parentDroplet(_ db: Database, of timeline: ObservedTimeline) throws -> ObservedTimeline? {
        guard let parentID = timeline.attributes[MeteredKinds.parentDropletAttribute]?.display,
              let rowID = try Int64.fetchOne(db, sql: "SELECT id FROM cloud_resources WHERE kind = ? AND provider_id = ?",
                                             arguments: [ResourceKind.droplet.rawValue, parentID]) else { return nil }
        return try ObservedTimeline.load(db, resourceID: rowID)
    }

    private static func label(_ timeline: ObservedTimeline) -> String {
        "\(timeline.kind):\(timeline.name) (\(timeline.providerID))"
    }
}
