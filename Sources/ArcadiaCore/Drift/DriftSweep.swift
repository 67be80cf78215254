import DigitalOcean
import GRDB
import MoneyAndTime

/// The detection sweep: every spec field against the live inventory, in one transaction.
///
/// It reads only the ledger (run it after the syncs, at :20) and is idempotent: a second sweep over
/// an unchanged ledger at a time when no ignore rule has expired since writes nothing. Resources
/// are visited by row id and fields in code-point order, so findings are written in a fixed order.
enum DriftSweep {
    static func run(_ db: Database, rules: [IgnoreRule], at time: Timestamp) throws -> DriftSweepReport {
        var report = DriftSweepReport()
        var active = try DriftFinding.fetchActive(db)
        let sortedRules = rules.sorted { $0.id < $1.id }
        for (spec, resource) in try SpecStore.fetchAllWithResources(db) {
            report.resourcesChecked += 1
            if let staleAt = resource.row.staleAt {
                try closeAll(db, resourceID: resource.id, from: &active, note: "resource went stale at \(staleAt)", at: time, report: &report)
                continue
            }
            for field in spec.fields.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let existing = active.removeValue(forKey: DriftFinding.Key(resourceID: resource.id, field: field))
                let rules = sortedRules.filter { $0.selects(resource, field: field) }
                try check(db, resource: resource, field: field, desired: spec.fields[field] ?? .null, existing: existing,
                          rules: rules, at: time, report: &report)
            }
            try closeAll(db, resourceID: resource.id, from: &active, note: "field no longer in the spec", at: time, report: &report)
        }
        return report
    }

    private static func check(_ db: Database, resource: LiveResource, field: String, desired: JSONValue, existing: DriftFinding?,
                              rules: [IgnoreRule], at time: Timestamp, report: inout DriftSweepReport) throws {
        let live = resource.value(of: field)
        if LooseValue.equal(desired, live) {
            guard let existing else { return }
            try end(existing, db, note: "matches the spec again", at: time, report: &report)
            return
        }
        let desiredText = desired.canonical, liveText = live?.canonical
        let applying = rules.first { !$0.isExpired(at: time) }
        switch (existing, applying) {
        case (nil, let rule?):
            try DriftFinding.insert(db, resourceID: resource.id, field: field, desired: desiredText, live: liveText, status: .ignored,
                                    ignoreRule: rule.id, note: rule.reason, at: time)
            report.ignored += 1
        case (nil, nil):
            let expired = rules.first.map { "ignore rule '\($0.id)' expired at \($0.expires)" }
            try open(db, resource: resource, field: field, desired: desired, live: live, note: expired, at: time, report: &report)
        case (let finding?, let rule) where finding.status == .ignored:
            if let rule {
                guard finding.desired != desiredText || finding.live != liveText || finding.ignoreRule != rule.id else { return }
                try finding.update(db, desired: desiredText, live: liveText, ignoreRule: rule.id)
                report.updated += 1
                return
            }
            let why = rules.first { $0.id == finding.ignoreRule }.map { "ignore rule '\($0.id)' expired at \($0.expires)" }
                ?? "ignore rule '\(finding.ignoreRule ?? "")' no longer applies"
            try finding.close(db, note: why, at: time)
            report.ignoresEnded += 1
            try open(db, resource: resource, field: field, desired: desired, live: live, note: why, at: time, report: &report)
        case (let finding?, _):
            // An open drift stays open even if a rule now covers it: rules decide what opens, the
            // inbox decides what closes (docs/drift.md).
            guard finding.desired != desiredText || finding.live != liveText else { return }
            try finding.update(db, desired: desiredText, live: liveText, ignoreRule: nil)
            try DriftFinding.logDetected(db, resourceID: resource.id, field: field, desired: desired, live: live, at: time)
            report.updated += 1
            report.eventsWritten += 1
        }
    }

    private static func open(_ db: Database, resource: LiveResource, field: String, desired: JSONValue, live: JSONValue?, note: String?,
                             at time: Timestamp, report: inout DriftSweepReport) throws {
        try DriftFinding.insert(db, resourceID: resource.id, field: field, desired: desired.canonical, live: live?.canonical,
                                status: .open, ignoreRule: nil, note: note, at: time)
        try DriftFinding.logDetected(db, resourceID: resource.id, field: field, desired: desired, live: live, at: time)
        report.opened += 1
        report.eventsWritten += 1
    }

    /// Open drifts close `stale`; ignored findings close keeping their status.
    private static func end(_ finding: DriftFinding, _ db: Database, note: String, at time: Timestamp,
                            report: inout DriftSweepReport) throws {
        if finding.status == .open {
            try finding.close(db, as: .stale, note: note, at: time)
            report.closedStale += 1
        } else {
            try finding.close(db, note: note, at: time)
            report.ignoresEnded += 1
        }
    }

    private static func closeAll(_ db: Database, resourceID: Int64, from active: inout [DriftFinding.Key: DriftFinding], note: String,
                                 at time: Timestamp, report: inout DriftSweepReport) throws {
        let keys = active.keys.filter { $0.resourceID == resourceID }.sorted { $0.field.utf8.lexicographicallyPrecedes($1.field.utf8) }
        for key in keys {
            if let finding = active.removeValue(forKey: key) {
                try end(finding, db, note: note, at: time, report: &report)
            }
        }
    }
}
