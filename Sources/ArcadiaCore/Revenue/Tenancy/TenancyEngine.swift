import DigitalOcean

/// Tenants, their deployments and the deployments' subscriptions: the public face of the tenancy
/// tables. Provisioning (or the workbench, playing a scenario's events) calls it at the instant a
/// change happens; the time comes from the injected clock.
///
/// A deployment owns a DO project by name; the inventory's project attribution makes the
/// project's resources the deployment's, which is what metering bills.
public struct TenancyEngine: Sendable {
    public var ledger: Ledger
    public var clock: EngineClock

    public init(ledger: Ledger, clock: EngineClock) {
        self.ledger = ledger
        self.clock = clock
    }

    /// `country` is an ISO 3166 two-letter code (`AU`): it picks the tenant's tax rate.
    @discardableResult
    public func addTenant(code: String, name: String, country: String) throws -> Int64 {
        try ledger.writer.write { db in try TenancyStore.addTenant(db, code: code, name: name, country: country) }
    }

    @discardableResult
    public func addDeployment(code: String, tenant: String, name: String, project: String) throws -> Int64 {
        try ledger.writer.write { db in try TenancyStore.addDeployment(db, code: code, tenant: tenant, name: name, project: project) }
    }

    /// Starts a subscription now. A deployment holds at most one live subscription.
    @discardableResult
    public func subscribe(deployment: String, plan: String, addons: [String] = []) throws -> Subscription {
        let now = clock.now()
        return try ledger.writer.write { db in try TenancyStore.subscribe(db, deployment: deployment, plan: plan, addons: addons, at: now) }
    }

    /// Changes the plan and/or the addons now: the live row ends now and the returned one starts
    /// now. `nil` keeps that part as it is; `addons: []` drops every addon.
    @discardableResult
    public func changeSubscription(deployment: String, plan: String? = nil, addons: [String]? = nil) throws -> Subscription {
        let now = clock.now()
        return try ledger.writer.write { db in
            try TenancyStore.change(db, deployment: deployment, plan: plan, addons: addons, at: now)
        }
    }

    /// Ends the live subscription now; returns it as ended.
    @discardableResult
    public func endSubscription(deployment: String) throws -> Subscription {
        let now = clock.now()
        return try ledger.writer.write { db in try TenancyStore.end(db, deployment: deployment, at: now) }
    }

    public func liveSubscription(deployment: String) throws -> Subscription? {
        try ledger.read { db in
            try TenancyStore.live(db, deploymentID: try TenancyStore.requireDeployment(db, code: deployment))
        }
    }
}
