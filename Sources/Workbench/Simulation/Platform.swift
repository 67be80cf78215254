import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean

/// The platform's side of a scenario: what operators, tenants and provisioning ask of it, played
/// through the same engine entry points the service calls (tenancy, drift specs and accepts,
/// invoice actions, re-ingests). The jobs themselves run through `JobRunner`; this holds no logic
/// of its own beyond turning scenario names into provider ids.
struct Platform {
    let runner: JobRunner
    let tenancy: TenancyEngine
    let fake: FakeDigitalOcean

    /// Before the clock starts: tenants, deployments, the metering configuration, price books, and
    /// the specs of world droplets declared `provisioned: true`.
    func setUp(_ scenario: Scenario) throws(SimulationError) {
        for droplet in scenario.world.droplets where droplet.provisioned {
            try attempt(droplet.location, "provision \(droplet.name)") { try provision(droplet.name, Self.provisionedSpec(droplet)) }
        }
        for tenant in scenario.tenancy.tenants {
            try attempt(tenant.location, "tenants") { try tenancy.addTenant(code: tenant.code, name: tenant.name, country: tenant.country) }
        }
        for deployment in scenario.tenancy.deployments {
            try attempt(deployment.location, "deployments") {
                try tenancy.addDeployment(code: deployment.code, tenant: deployment.tenant, name: deployment.name, project: deployment.project)
            }
        }
        for (kind, policy) in scenario.metering.policies.sorted(by: { $0.key < $1.key }) {
            try attempt(nil, "metering.\(kind)") { try runner.metering.configure(kind, policy) }
        }
        let books = PriceBookStore(ledger: runner.revenue.ledger)
        for spec in scenario.priceBooks {
            try attempt(spec.location, "price book '\(spec.book.name)'") { _ = try books.write(spec.book, source: spec.source) }
        }
    }

    /// Plays the event's platform side (call after `WorldBuilder.apply`, so a just-created droplet
    /// has its provider id); world-only events have none.
    func apply(_ event: TimelineEvent, summary: inout RunSummary) async throws(SimulationError) {
        let what = event.action.kind.rawValue
        switch event.action {
        case .createDroplet(let droplet) where droplet.provisioned:
            try attempt(event.location, "create_droplet.provisioned") { try provision(droplet.name, Self.provisionedSpec(droplet)) }
        case .provision(let name, let spec):
            try attempt(event.location, what) { try provision(name, spec) }
        case .acceptDrift(let name, let field):
            try attempt(event.location, what) {
                do {
                    try runner.drift.accept(kind: .droplet, providerID: try dropletID(name), field: field)
                } catch let error as DriftError {
                    throw SimulationError(location: nil, message: error.description(naming: name))
                }
            }
        case .subscribe(let spec):
            try attempt(event.location, what) { try tenancy.subscribe(deployment: spec.deployment, plan: spec.plan, addons: spec.addons) }
        case .changeSubscription(let spec):
            try attempt(event.location, what) {
                try tenancy.changeSubscription(deployment: spec.deployment, plan: spec.plan, addons: spec.addons)
            }
        case .endSubscription(let deployment):
            try attempt(event.location, what) { try tenancy.endSubscription(deployment: deployment) }
        case .rollupInvoices(let period, let force):
            try attempt(event.location, what) { summary.revenue.record(try runner.revenue.rollup(period: period, force: force)) }
        case .invoicePaid(let tenant, let period):
            try attempt(event.location, what) { try runner.revenue.markPaid(tenant: tenant, period: period) }
        case .invoiceVoid(let tenant, let period):
            try attempt(event.location, what) { try runner.revenue.void(tenant: tenant, period: period) }
        case .meterUsage(let day):
            try attempt(event.location, what) { try runner.metering.meter(day: day) }
        case .reingestInvoice(let period):
            try await reingest(period, at: event)
        case .runJob(let job):
            do {
                summary.record(try await runner.run(job))
            } catch {
                throw SimulationError(location: event.location, field: what, message: "\(job.rawValue) could not write the ledger: \(error)")
            }
        default:
            break
        }
    }

    /// What `provisioned: true` records: the droplet's size, region and tags as created.
    static func provisionedSpec(_ droplet: DropletSpec) -> [String: JSONValue] {
        ["size_slug": .string(droplet.size), "region": .string(droplet.region), "tags": .strings(droplet.tags)]
    }

    private func provision(_ name: String, _ spec: [String: JSONValue]) throws {
        _ = try runner.drift.provision(kind: .droplet, providerID: try dropletID(name), spec: spec)
    }

    private func dropletID(_ name: String) throws -> String { String(try fake.dropletID(name: name)) }

    /// A failed re-ingest is recorded on the invoice (its lines stay as they were), which is what
    /// the ledger must show; it does not stop the scenario. A month with no invoice yet does.
    private func reingest(_ period: String, at event: TimelineEvent) async throws(SimulationError) {
        let uuid: String?
        do {
            uuid = try runner.costs.invoiceUUID(period: period)
        } catch {
            throw SimulationError(location: event.location, field: "reingest_invoice", message: "cannot read the ledger: \(error)")
        }
        guard let uuid else {
            throw SimulationError(location: event.location, field: "reingest_invoice.period",
                                  message: "no \(period) invoice is in the ledger; the invoices job discovers it at 02:23 on the 1st")
        }
        _ = try? await runner.costs.ingest(invoiceUUID: uuid)
    }

    private func attempt<T>(_ location: ScenarioLocation?, _ what: String, _ body: () throws -> T) throws(SimulationError) {
        do {
            _ = try body()
        } catch {
            throw SimulationError(location: location, field: what, message: "\(error)")
        }
    }
}
