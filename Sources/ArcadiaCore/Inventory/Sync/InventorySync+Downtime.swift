import GRDB
import MoneyAndTime

extension InventorySync {
    /// A service that was down missed `job`'s listings from `since` on. Its kinds are recorded as in
    /// a listing outage from then, as if each missed listing had failed: a resource destroyed while
    /// the service was down is known missing from the first listing it missed, not the first after
    /// the restart, and metering holds back the days until a listing shows what is there. Without
    /// it, every restart billed such a resource until the restart (docs/revenue.md's rule bills at
    /// most one sync interval after the last sighting, however long an outage lasts).
    public func recordDowntime(of job: JobID, since: Timestamp) throws {
        guard let kinds = Self.listedKinds(job) else { return }
        let recorded = try ledger.writer.write { db in
            let listed = try kinds(db)
            for kind in listed { try ListingOutage.recordFailure(db, kind: kind, at: since) }
            return listed
        }
        mirror?.outageRecorded(recorded)
    }

    /// The kinds a sync job lists; nil for a job that lists none.
    static func listedKinds(_ job: JobID) -> (@Sendable (Database) throws -> [ResourceKind])? {
        let kind: ResourceKind
        switch job {
        case .syncDroplets: kind = .droplet
        case .syncVolumes: kind = .volume
        case .syncReservedIPs: kind = .floatingIP
        case .syncFirewalls: kind = .firewall
        case .syncLoadBalancers: kind = .loadBalancer
        case .syncDomains: kind = .dnsZone
        case .syncSnapshots: kind = .snapshot
        case .syncBackups: kind = .dropletBackup
        case .syncProjects: return ProjectDiscovery.kinds
        case .costBalance, .costInvoices, .driftSweep, .revenueMetering, .revenueRollup, .revenueIssue: return nil
        }
        return { _ in [kind] }
    }
}
