import ArcadiaCore
import DigitalOcean

/// Plays the platform's side of a scenario through the real engines: tenants, deployments and the
/// metering configuration before the clock starts, subscription events at their instant through
/// `TenancyEngine`, and the `revenue.metering` job through `MeteringEngine`.
struct RevenueDriver {
    let tenancy: TenancyEngine
    let metering: MeteringEngine

    init(_ scenario: Scenario, tenancy: TenancyEngine, metering: MeteringEngine) throws(SimulationError) {
        self.tenancy = tenancy
        self.metering = metering
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
    }

    /// Plays a subscription event; any other event is not the platform's and is ignored.
    func apply(_ event: TimelineEvent) throws(SimulationError) {
        try attempt(event.location, event.action.kind.rawValue) {
            switch event.action {
            case .subscribe(let spec):
                try tenancy.subscribe(deployment: spec.deployment, plan: spec.plan, addons: spec.addons)
            case .changeSubscription(let spec):
                try tenancy.changeSubscription(deployment: spec.deployment, plan: spec.plan, addons: spec.addons)
            case .endSubscription(let deployment):
                try tenancy.endSubscription(deployment: deployment)
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

    private func attempt(_ location: ScenarioLocation?, _ what: String, _ body: () throws -> Void) throws(SimulationError) {
        do {
            try body()
        } catch {
            throw SimulationError(location: location, message: "\(what): \(error)")
        }
    }
}
