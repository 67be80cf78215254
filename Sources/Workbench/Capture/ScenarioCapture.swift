import ArcadiaCore
import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// Turns one tenant-month of a ledger into a scenario that reproduces its invoice: the tenant, its
/// deployments and the subscriptions billed that month, the ledger's metering settings
/// (granularity and retention per billing kind), the price book that priced the invoice (inline,
/// so the file stands alone, and the one the invoice records even if a later book is in effect now), and a world and timeline rebuilt from the resource events of every resource
/// the month's usage came from, with an `expect:` block asserting the invoice.
///
/// The ledger keeps what the syncs observed, not what happened, so each change is replayed at the
/// instant it was observed (a sync sees a change made at its own instant, timeline before jobs),
/// and a resource that went stale is destroyed at its first missed listing, where its usage ends.
/// A ledger the service wrote has syncs off the table's quarter-hours (at start-up, after a
/// restart): where an observation fell on such an instant, the capture adds a `run_job` of the job
/// that made it, so the replay observes it at the same second. `ScenarioCapture.verify` plays the
/// result and compares.
public enum ScenarioCapture {
    /// The month's invoice with the scenario that should reproduce it.
    public struct Captured: Sendable {
        public var scenario: Scenario
        public var invoice: TenantInvoice
        /// The ledger's usage by resource (`usageByResource`), shown beside the replay's when they differ.
        public var usage: [String] = []
    }

    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func capture(tenant code: String, period: BillingPeriod, from ledger: Ledger) async throws -> Captured {
        try await ledger.read { db in try capture(tenant: code, period: period, db) }
    }

    static func capture(tenant code: String, period: BillingPeriod, _ db: Database) throws -> Captured {
        guard let tenant = try Tenant.fetchOne(db, sql: "SELECT * FROM tenants WHERE code = ?", arguments: [code]) else {
            throw Refusal(description: "no tenant has code '\(code)'")
        }
        guard let invoiceID = try InvoiceExplainer.invoiceID(tenant: code, period: period, db),
              let invoice = try TenantInvoice.load(id: invoiceID, db) else {
            throw Refusal(description: "\(code) has no invoice for \(period) that is not void; nothing to reproduce")
        }
        guard let book = try PriceBookStore.book(of: invoice, db)?.book else {
            throw Refusal(description: "invoice #\(invoice.id) records no price book and none is in effect on \(period.start.isoDate)")
        }
        let deployments = try Row.fetchAll(db, sql: "SELECT id, code, name, project_name FROM deployments WHERE tenant_id = ? ORDER BY code",
                                           arguments: [tenant.id])
        let clock = ClockRange(start: period.start, end: period.end + 4 * 3_600)
        var scenario = Scenario(name: "capture-\(code)-\(period)".lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" },
                                description: "Captured from a ledger: \(code)'s invoice #\(invoice.id) for \(period) (\(invoice.status.rawValue)), "
                                    + "subtotal \(invoice.subtotal.decimalString), tax \(invoice.tax.decimalString), total \(invoice.total.decimalString).",
                                seed: 1, clock: clock,
                                tenancy: TenancySpec(tenants: [TenantSpec(code: tenant.code, name: tenant.name, country: tenant.country)]),
                                metering: MeteringSpec(policies: try MeteringConfigStore.load(db)),
                                priceBooks: [PriceBookSpec(book: book, source: "inline")])
        var timeline: [TimelineEvent] = []
        var deploymentIDs: [Int64] = []
        for row in deployments {
            let deployment: String = try row.decode(forColumn: "code")
            deploymentIDs.append(try row.decode(forColumn: "id"))
            scenario.tenancy.deployments.append(DeploymentSpec(code: deployment, tenant: code, name: try row.decode(forColumn: "name"),
                                                               project: try row.decode(forColumn: "project_name")))
            let subscriptions = try Subscription.fetchAll(db, where: "d.code = ? AND s.started_at < ? AND (s.ended_at IS NULL OR s.ended_at > ?)",
                                                          arguments: [deployment, clock.end, clock.start])
            timeline += subscriptionEvents(subscriptions, clock: clock)
        }
        var world = CapturedWorld(clock: clock)
        var arguments: StatementArguments = [period.start, period.end]
        arguments += StatementArguments(deploymentIDs)
        let resourceIDs = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT resource_id FROM usage_records
            WHERE source = 'metered' AND period_start >= ? AND period_start < ?
              AND deployment_id IN (\(deploymentIDs.map { _ in "?" }.joined(separator: ", ")))
            ORDER BY resource_id
            """, arguments: arguments)
        // Images after the droplets they may back up, so a backup finds its droplet's name.
        let resources = try resourceIDs.compactMap { try CloudResource.fetchOne(db, key: $0) }
        let isImage = { (resource: CloudResource) in resource.kind == .snapshot || resource.kind == .dropletBackup }
        for resource in resources.filter({ !isImage($0) }) + resources.filter(isImage) {
            let id = resource.id
            let project = try resource.projectID.flatMap { try String.fetchOne(db, sql: "SELECT name FROM cloud_projects WHERE id = ?", arguments: [$0]) }
            let events = try ResourceEvent.fetchAll(db, sql: "SELECT * FROM cloud_resource_events WHERE resource_id = ? ORDER BY at, id",
                                                    arguments: [id])
            try world.add(resource, project: project, events: events)
        }
        world.addStandInVolumes()
        for project in scenario.tenancy.deployments.map(\.project) { world.noteProject(project) }
        scenario.world = world.spec
        timeline += world.timeline + offTableSyncs(world.syncs)
        scenario.timeline = timeline.enumerated()
            .sorted { ($0.element.at, Self.rank($0.element.action), $0.offset) < ($1.element.at, Self.rank($1.element.action), $1.offset) }
            .map(\.element)
        scenario.expectations = expectations(invoice)
        return Captured(scenario: scenario, invoice: invoice, usage: try usageByResource(tenant: code, period: period, db))
    }

    /// The order of events one sync observed at one instant: what went comes first, so the name it
    /// frees may be taken (a blue/green swap: web destroyed, green renamed web), and the syncs
    /// that observed it all come last.
    static func rank(_ action: ScenarioAction) -> Int {
        switch action {
        case .destroyDroplet, .deleteDomain, .deleteSnapshot: 0
        case .runJob: 2
        default: 1
        }
    }

    /// A deployment's subscriptions as `subscribe`, `change_subscription` (one ending where the
    /// next starts) and `end_subscription`; one started before the clock is subscribed at its start,
    /// which bills the same days (`BillingWindow`).
    static func subscriptionEvents(_ subscriptions: [Subscription], clock: ClockRange) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        var previous: Subscription?
        for subscription in subscriptions {
            let at = max(subscription.startedAt, clock.start)
            if let previous, previous.endedAt == subscription.startedAt {
                events.append(TimelineEvent(at: at, action: .changeSubscription(SubscriptionChangeSpec(
                    deployment: subscription.deploymentCode,
                    plan: previous.planCode == subscription.planCode ? nil : subscription.planCode,
                    addons: previous.addonCodes == subscription.addonCodes ? nil : subscription.addonCodes))))
            } else {
                events.append(TimelineEvent(at: at, action: .subscribe(SubscriptionSpec(deployment: subscription.deploymentCode,
                                                                                         plan: subscription.planCode, addons: subscription.addonCodes))))
            }
            previous = subscription
            if let end = subscription.endedAt, end < clock.end, !subscriptions.contains(where: { $0.startedAt == end }) {
                events.append(TimelineEvent(at: end, action: .endSubscription(deployment: subscription.deploymentCode)))
            }
        }
        return events
    }

    /// A `run_job` for each observed sync that the production table would not fire at its instant,
    /// by instant, then in table order (so the projects pass follows the listing it attributes).
    static func offTableSyncs(_ syncs: Set<CapturedWorld.ObservedSync>) -> [TimelineEvent] {
        let order = JobTable.production.map(\.job)
        return syncs.filter { sync in
            JobTable.production.first { $0.job == sync.job }.map { $0.schedule.firstFiring(atOrAfter: sync.at) != sync.at } ?? true
        }
        .sorted { ($0.at, order.firstIndex(of: $0.job) ?? 0) < ($1.at, order.firstIndex(of: $1.job) ?? 0) }
        .map { TimelineEvent(at: $0.at, action: .runJob($0.job)) }
    }

    /// The invoice's figures and each line's amount and quantity.
    static func expectations(_ invoice: TenantInvoice) -> [ExpectationSpec] {
        [ExpectationSpec(check: .tenantInvoice(tenant: invoice.tenant, period: invoice.period, status: nil, subtotal: invoice.subtotal,
                                               tax: invoice.tax, total: invoice.total))]
            + invoice.lines.map { line in
                ExpectationSpec(check: .invoiceLine(tenant: invoice.tenant, period: invoice.period, line: line.lineNo, amount: line.amount,
                                                    quantity: line.quantity))
            }
    }
}
