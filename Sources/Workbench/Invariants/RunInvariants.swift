import ArcadiaCore
import FakeDigitalOcean
import GRDB
import MoneyAndTime

/// What must hold while a scenario plays, checked after each job (`Simulator.Options.afterJob`).
public enum RunInvariants {
    /// Nothing is stale in the ledger while it exists in the fake: no droplet, backup, domain,
    /// volume, snapshot, reserved IP, firewall, load balancer, project member (Spaces bucket,
    /// database, cluster, app) or project. A name taken again after the row went stale (a domain,
    /// a bucket) is a new thing, not the stale one.
    public static func noneStaleWhileExisting(_ probe: JobProbe) throws -> [Violation] {
        var live: [String: Timestamp?] = [:]
        for resource in probe.fake.liveResources {
            live.updateValue(resource.createdAt, forKey: ledgerKind(ofURNType: resource.type) + " " + resource.id)
        }
        let stale = try probe.ledger.read { db in
            try Row.fetchAll(db, sql: """
                SELECT kind, provider_id, name, stale_at FROM cloud_resources WHERE stale_at IS NOT NULL
                UNION ALL SELECT 'project', provider_id, name, stale_at FROM cloud_projects WHERE stale_at IS NOT NULL
                ORDER BY 1, 2
                """)
        }
        return stale.compactMap { row in
            let kind: String = row["kind"], id: String = row["provider_id"], since: Timestamp = row["stale_at"]
            guard let createdAt = live[kind + " " + id], (createdAt.map { $0 <= since } ?? true) else { return nil }
            return Violation(.staleWhileExisting, "\(kind) \(row["name"] as String) (\(id)) is stale since \(since) but still exists at \(probe.at)")
        }
    }

    /// The ledger's kind for a `LiveResource` type: the projects pass's table, and the three the
    /// fake keys itself.
    private static func ledgerKind(ofURNType type: String) -> String {
        switch type {
        case "backup": ResourceKind.dropletBackup.rawValue
        case "project": "project"
        default: URNKinds.kind(forURNType: type).kind.rawValue
        }
    }

    /// Running the job again at the same instant writes nothing new: the ledger's export is the
    /// same bytes before and after. Unless the run itself changed the world (a fault that creates
    /// a droplet after serving a page): the re-run then lists another world, and recording what it
    /// finds there is right.
    public static func rerunWritesNothing(_ probe: JobProbe) async throws -> [Violation] {
        guard probe.fake.revision == probe.revisionBefore else { return [] }
        let before = try LedgerExport.export(probe.ledger)
        // A re-run that meets a fault records that failure: a new fact, not a repeated write.
        guard try await probe.runAgain().failures.isEmpty else { return [] }
        let after = try LedgerExport.export(probe.ledger)
        return zip(before, after).filter { $0.0 != $0.1 }.map { pair in
            Violation(.rerunWritesNothing, subject: probe.job.rawValue, "re-running \(probe.job.rawValue) at \(probe.at) changed \(pair.0.name)")
        } + (before.count == after.count ? [] : [Violation(.rerunWritesNothing, subject: probe.job.rawValue, "re-running \(probe.job.rawValue) at \(probe.at) changed the exported tables")])
    }
}
