import ArcadiaCore
import FakeDigitalOcean
import GRDB
import MoneyAndTime

/// What must hold while a scenario plays, checked after each job (`Simulator.Options.afterJob`).
public enum RunInvariants {
    /// No droplet is stale in the ledger while it exists in the fake.
    public static func noneStaleWhileExisting(_ probe: JobProbe) throws -> [Violation] {
        let live = Set(probe.fake.dropletIDs.map(String.init))
        let stale = try probe.ledger.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT provider_id, name, stale_at FROM cloud_resources WHERE kind = 'droplet' AND stale_at IS NOT NULL ORDER BY id")
        }
        return stale.filter { live.contains($0["provider_id"] as String) }.map { row in
            Violation(.staleWhileExisting, "droplet \(row["name"] as String) (\(row["provider_id"] as String)) is stale since "
                      + "\(row["stale_at"] as String) but still exists at \(probe.at)")
        }
    }

    /// Running the job again at the same instant writes nothing new: the ledger's export is the
    /// same bytes before and after.
    public static func rerunWritesNothing(_ probe: JobProbe) async throws -> [Violation] {
        let before = try LedgerExport.export(probe.ledger)
        // A re-run that meets a fault records that failure: a new fact, not a repeated write.
        guard try await probe.runAgain().failures.isEmpty else { return [] }
        let after = try LedgerExport.export(probe.ledger)
        return zip(before, after).filter { $0.0 != $0.1 }.map { pair in
            Violation(.rerunWritesNothing, subject: probe.job.rawValue, "re-running \(probe.job.rawValue) at \(probe.at) changed \(pair.0.name)")
        } + (before.count == after.count ? [] : [Violation(.rerunWritesNothing, subject: probe.job.rawValue, "re-running \(probe.job.rawValue) at \(probe.at) changed the exported tables")])
    }
}
