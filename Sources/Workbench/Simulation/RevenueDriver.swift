import ArcadiaCore
import DigitalOcean

/// Plays the platform's side of a scenario through the real engines: tenants, deployments, the
/// metering configuration and the price books before the clock starts; subscription and invoice
/// events at their instant through `TenancyEngine` and `TenantInvoicing`; the `revenue.metering`
/// job through `MeteringEngine`, and `revenue.rollup` / `revenue.issue` through `TenantInvoicing`
/// (`RevenueDriver+Invoicing.swift`).
struct RevenueDriver {
    let tenancy: TenancyEngine
    let metering: MeteringEngine
    let invoicing: TenantInvoicing

    init(_ scenario: Scenario, tenancy: TenancyEngine, metering: MeteringEngine, invoicing: TenantInvoicing) throws(SimulationError) {
        self.tenancy = tenancy
        self.metering = metering
        self.invoicing = invoicing
        for tenant in scenario.tenancy.tenants {
            try attempt(tenant.location, "tenants") { try tenancy.addTenant(code: tenant.code, name: tenant.name, country: tenant.country) }
        }
        for deployment in scenario.tenancy.deployments {
            try attempt(deployment.location, "deployments") {
                try tenancy.addDeployment(code: deployment.code, tenant: deployment.tenant, name: deployment.name, project: deployment.project)
            }
        }
        for (kind, policy) in scenario.metering.policies.sorted(by: { $0.key < $1.key }) {
            try attempt(nil, "metering.\(kind)") { try metering.configure(kind, policy) }
        }
        try writePriceBooks(scenario.priceBooks)
    }

    /// Plays a subscription or invoice event; any other event is not the platform's and is ignored.
    func apply(_ event: TimelineEvent, summary: inout RunSummary) throws(SimulationError) {
        try attempt(event.location, event.action.kind.rawValue) {
            switch event.action {
            case .subscribe(let spec):
                try tenancy.subscribe(deployment: spec.deployment, plan: spec.plan, addons: spec.addons)
            case .changeSubscription(let spec):
                try tenancy.changeSubscription(deployment: spec.deployment, plan: spec.plan, addons: spec.addons)
            case .endSubscription(let deployment):
                try tenancy.endSubscription(deployment: deployment)
            case .rollupInvoices(let period, let force):
                summary.revenue.record(try invoicing.rollup(period: period, force: force))
            case .invoicePaid(let tenant, let period):
                _ = try invoicing.markPaid(tenant: tenant, period: period)
            case .invoiceVoid(let tenant, let period):
                _ = try invoicing.void(tenant: tenant, period: period)
            default:
                break
            }
        }
    }

    /// Fires `revenue.metering`. It reads only the ledger and is cheap, so it is never elided.
    func meter(at time: Timestamp, summary: inout RunSummary) throws(SimulationError) {
        var report: MeteringReport?
        try attempt(nil, "revenue.metering at \(time)") { report = try metering.runDaily() }
        summary.meteringRuns += 1
        summary.usageRecordsWritten += report?.written ?? 0
    }

    func attempt(_ location: ScenarioLocation?, _ what: String, _ body: () throws -> Void) throws(SimulationError) {
        do {
            try body()
        } catch {
            throw SimulationError(location: location, message: "\(what): \(error)")
        }
    }
}
