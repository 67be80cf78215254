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
        let single = Self.listedKind(job)
        guard single != nil || job == .syncProjects else { return }
        let recorded = try ledger.writer.write { db in
            let listed = try single.map { [$0] } ?? ProjectDiscovery.kinds(db)
            for kind in listed { try ListingOutage.recordFailure(db, kind: kind, at: since) }
            return listed
        }
        mirror?.outageRecorded(recorded)
    }

    /// The one kind a sync job lists: the table `syncKind` and `recordDowntime` share. The projects
    /// pass lists several (`ProjectDiscovery.kinds`), the other jobs none.
    static func listedKind(_ job: JobID) -> ResourceKind? {
        switch job {
        case .syncDroplets: .droplet
        case .syncVolumes: .volume
        case .syncReservedIPs: .floatingIP
        case .syncFirewalls: .firewall
        case .syncLoadBalancers: .loadBalancer
        case .syncDomains: .dnsZone
        case .syncSnapshots: .snapshot
        case .syncBackups: .dropletBackup
        case .syncProjects, .costBalance, .costInvoices, .driftSweep, .revenueMetering, .revenueRollup, .revenueIssue: nil
        }
    }
}
