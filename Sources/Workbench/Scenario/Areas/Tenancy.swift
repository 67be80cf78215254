import ArcadiaCore
import DigitalOcean
import MoneyAndTime

// Tenants, deployments, metering and subscriptions: the platform's side, played by `Platform`
// through the engines rather than on the fake. Their specs, their YAML, and the validator's checks of them.

/// The platform's side of a scenario: who its tenants are, which deployment owns which DO
/// project, and how usage is metered. Subscriptions change in the timeline (`subscribe`,
/// `change_subscription`, `end_subscription`).
public struct TenancySpec: Sendable, Equatable {
    public var tenants: [TenantSpec]
    public var deployments: [DeploymentSpec]
    public init(tenants: [TenantSpec] = [], deployments: [DeploymentSpec] = []) {
        self.tenants = tenants
        self.deployments = deployments
    }
}

public struct TenantSpec: Sendable, Equatable {
    public var code: String
    public var name: String
    /// ISO 3166 two-letter code; picks the tax rate.
    public var country: String
    public var location: ScenarioLocation?
    public init(code: String, name: String, country: String, location: ScenarioLocation? = nil) {
        self.code = code
        self.name = name
        self.country = country
        self.location = location
    }
}

public struct DeploymentSpec: Sendable, Equatable {
    public var code: String
    /// The owning tenant's code.
    public var tenant: String
    public var name: String
    /// A world project; its resources are the deployment's.
    public var project: String
    public var location: ScenarioLocation?
    public init(code: String, tenant: String, name: String, project: String, location: ScenarioLocation? = nil) {
        self.code = code
        self.tenant = tenant
        self.name = name
        self.project = project
        self.location = location
    }
}

/// `subscribe`: a deployment starts holding a plan (and addons).
public struct SubscriptionSpec: Sendable, Equatable {
    public var deployment: String
    public var plan: String
    public var addons: [String]
    public init(deployment: String, plan: String, addons: [String] = []) {
        self.deployment = deployment
        self.plan = plan
        self.addons = addons
    }
}

/// `change_subscription`: nil keeps that part as it is; `addons: []` drops every addon.
public struct SubscriptionChangeSpec: Sendable, Equatable {
    public var deployment: String
    public var plan: String?
    public var addons: [String]?
    public init(deployment: String, plan: String? = nil, addons: [String]? = nil) {
        self.deployment = deployment
        self.plan = plan
        self.addons = addons
    }
}

/// `metering:`: granularity and retention per billing kind; kinds left out use the default
/// (daily, kept for ever).
public struct MeteringSpec: Sendable, Equatable {
    public var policies: [BillingKind: MeteringPolicy]
    public init(policies: [BillingKind: MeteringPolicy] = [:]) { self.policies = policies }
}

/// `tenants:`, `deployments:`, `metering:` and the subscription and metering timeline actions.
extension YAMLNodeReader {
    func tenants(_ field: YAMLField) throws(ScenarioError) -> [TenantSpec] {
        var tenants: [TenantSpec] = []
        for item in try list(field) {
            let map = try mapping(item, allowed: ["code", "name", "country"])
            tenants.append(TenantSpec(code: try code(map.required("code")), name: try displayName(map.required("name")),
                                      country: try country(map.required("country")), location: map.location))
        }
        return tenants
    }

    func deployments(_ field: YAMLField) throws(ScenarioError) -> [DeploymentSpec] {
        var deployments: [DeploymentSpec] = []
        for item in try list(field) {
            let map = try mapping(item, allowed: ["code", "tenant", "name", "project"])
            deployments.append(DeploymentSpec(code: try code(map.required("code")), tenant: try nonEmptyString(map.required("tenant")),
                                              name: try displayName(map.required("name")),
                                              project: try displayName(map.required("project")), location: map.location))
        }
        return deployments
    }

    /// A mapping from billing kind to `{granularity?, retention_days?}`.
    func meteringSpec(_ field: YAMLField) throws(ScenarioError) -> MeteringSpec {
        let kinds = MeteredKinds.billingKinds.map(\.rawValue)
        let map = try mapping(field, allowed: kinds)
        var spec = MeteringSpec()
        for entry in map.entries {
            let policy = try mapping(YAMLField(node: entry.value, path: field.childPath(entry.key)), allowed: ["granularity", "retention_days"])
            spec.policies[BillingKind(rawValue: entry.key)] = MeteringPolicy(
                granularity: try policy.optional("granularity").map { f throws(ScenarioError) in
                    try oneOf(f, MeteringGranularity.allCases.map { ($0.rawValue, $0) })
                } ?? .daily,
                retentionDays: try policy.optional("retention_days").map { f throws(ScenarioError) in try integer(f, atLeast: 1) })
        }
        return spec
    }

    func subscribe(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["deployment", "plan", "addons"])
        return .subscribe(SubscriptionSpec(deployment: try nonEmptyString(map.required("deployment")),
                                           plan: try nonEmptyString(map.required("plan")),
                                           addons: try map.optional("addons").map(addons) ?? []))
    }

    func changeSubscription(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["deployment", "plan", "addons"])
        let deployment = try nonEmptyString(map.required("deployment"))
        guard map.optional("plan") != nil || map.optional("addons") != nil else {
            throw error(body, "changes nothing: add 'plan', 'addons' or both")
        }
        return .changeSubscription(SubscriptionChangeSpec(deployment: deployment, plan: try map.optional("plan").map(nonEmptyString),
                                                          addons: try map.optional("addons").map(addons)))
    }

    func endSubscription(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        .endSubscription(deployment: try nonEmptyString(mapping(body, allowed: ["deployment"]).required("deployment")))
    }

    func meterUsage(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        .meterUsage(day: try date(mapping(body, allowed: ["day"]).required("day")))
    }

    /// A list of addon codes, none twice (a subscription holds a set of addons).
    private func addons(_ field: YAMLField) throws(ScenarioError) -> [String] {
        var codes: [String] = []
        for item in try list(field) {
            let code = try nonEmptyString(item)
            guard !codes.contains(code) else { throw error(item, "addon '\(code)' is listed twice") }
            codes.append(code)
        }
        return codes
    }

    /// Tenant and deployment codes, held to the service's rule (`TenancyCode`) here, at their field.
    private func code(_ field: YAMLField) throws(ScenarioError) -> String {
        let text = try nonEmptyString(field)
        guard TenancyCode.isValid(text) else {
            throw error(field, "must be lowercase letters, digits, '-' and '_', starting with a letter or digit, at most \(TenancyCode.longest) "
                        + "characters; found '\(text)'")
        }
        return text
    }

    /// Tenant and deployment names and projects, held to the service's rule (`DisplayName`).
    private func displayName(_ field: YAMLField) throws(ScenarioError) -> String {
        let text = try string(field)
        if let problem = DisplayName.problem(text) { throw error(field, problem) }
        return text
    }

    private func country(_ field: YAMLField) throws(ScenarioError) -> String {
        let text = try nonEmptyString(field)
        guard CountryCode.isAssigned(text) else {
            throw error(field, "must be an ISO 3166 two-letter country code in capitals, e.g. AU; found '\(text)'")
        }
        return text
    }
}

/// What the validator tracks of the platform's side: deployment codes and each deployment's live
/// subscription.
struct TenancyWalk {
    struct Live {
        var plan: String
        /// Sorted.
        var addons: [String]
        var since: Timestamp
    }

    var deployments: Set<String> = []
    var live: [String: Live] = [:]
}

/// The validator's tenancy checks: tenants and deployments reference each other and the world,
/// and subscription events make sense against the subscriptions live at their instant.
extension ScenarioDryRun {
    mutating func checkTenancy() throws(ScenarioError) {
        var tenants: [String: Int] = [:]
        for (index, tenant) in scenario.tenancy.tenants.enumerated() {
            if let first = tenants[tenant.code] {
                throw error("tenants[\(index)].code", near: tenant.location, "tenants[\(first)] already has code '\(tenant.code)'")
            }
            tenants[tenant.code] = index
        }
        var owners: [String: String] = [:]
        for (index, deployment) in scenario.tenancy.deployments.enumerated() {
            let field = "deployments[\(index)]"
            guard !tenancy.deployments.contains(deployment.code) else {
                throw error("\(field).code", near: deployment.location, "another deployment already has code '\(deployment.code)'")
            }
            guard tenants[deployment.tenant] != nil else {
                throw error("\(field).tenant", near: deployment.location,
                            "no tenant has code '\(deployment.tenant)'; tenants: \(tenants.keys.sorted().joined(separator: ", "))")
            }
            let projects = fake.projectNames
            guard projects.contains(deployment.project) else {
                throw error("\(field).project", near: deployment.location,
                            "no project named '\(deployment.project)' exists in the world; existing projects: \(projects.sorted().joined(separator: ", "))")
            }
            if let owner = owners[deployment.project] {
                throw error("\(field).project", near: deployment.location,
                            "project '\(deployment.project)' already belongs to deployment '\(owner)'; a project has one owner")
            }
            owners[deployment.project] = deployment.code
            tenancy.deployments.insert(deployment.code)
        }
    }

    /// Checks one subscription or metering event against the state at its instant, then applies it.
    mutating func applyTenancy(_ event: TimelineEvent, field: String) throws(ScenarioError) {
        let near = event.location
        let when = event.at
        switch event.action {
        case .subscribe(let spec):
            try checkDeployment(spec.deployment, "\(field).deployment", near: near)
            try checkPriced(plan: spec.plan, addons: spec.addons, field, near: near)
            if let live = tenancy.live[spec.deployment] {
                throw error("\(field).deployment", near: near,
                            "deployment '\(spec.deployment)' already has a live subscription (plan '\(live.plan)' since \(live.since)); "
                                + "use change_subscription, or end_subscription first")
            }
            tenancy.live[spec.deployment] = TenancyWalk.Live(plan: spec.plan, addons: spec.addons.sorted(), since: when)
        case .changeSubscription(let spec):
            let live = try liveSubscription(spec.deployment, "\(field).deployment", near: near, when: when)
            try checkPriced(plan: spec.plan, addons: spec.addons ?? [], field, near: near)
            let next = TenancyWalk.Live(plan: spec.plan ?? live.plan, addons: spec.addons?.sorted() ?? live.addons, since: when)
            guard next.plan != live.plan || next.addons != live.addons else {
                throw error(field, near: near, "deployment '\(spec.deployment)' already holds plan '\(live.plan)' with these addons; the change changes nothing")
            }
            tenancy.live[spec.deployment] = next
        case .endSubscription(let deployment):
            _ = try liveSubscription(deployment, "\(field).deployment", near: near, when: when)
            tenancy.live[deployment] = nil
        case .meterUsage(let day):
            guard day + 86_400 <= when else {
                throw error("\(field).day", near: near, "\(day.isoDate) is not over at \(when); a day can be metered once it has ended")
            }
        default:
            break
        }
    }

    /// A code no price book of the scenario knows could never be priced: the rollup would fail
    /// that tenant's month. A scenario without price books only meters, so its codes are free.
    private func checkPriced(plan: String?, addons: [String], _ field: String, near: ScenarioLocation?) throws(ScenarioError) {
        let books = scenario.priceBooks.map(\.book)
        guard !books.isEmpty else { return }
        if let plan, !books.contains(where: { $0.plan(plan) != nil }) {
            let known = Set(books.flatMap { $0.plans.map(\.code) }).sorted().joined(separator: ", ")
            throw error("\(field).plan", near: near, "no price book of the scenario has plan '\(plan)'; plans: \(known)")
        }
        for addon in addons where !books.contains(where: { $0.addon(addon) != nil }) {
            let known = Set(books.flatMap { $0.addons.map(\.code) }).sorted()
            throw error("\(field).addons", near: near,
                        "no price book of the scenario has addon '\(addon)'; " + (known.isEmpty ? "they have none" : "addons: \(known.joined(separator: ", "))"))
        }
    }

    private func checkDeployment(_ code: String, _ field: String, near: ScenarioLocation?) throws(ScenarioError) {
        guard tenancy.deployments.contains(code) else {
            let known = tenancy.deployments.isEmpty ? "none is declared under deployments:" : "deployments: " + tenancy.deployments.sorted().joined(separator: ", ")
            throw error(field, near: near, "no deployment has code '\(code)'; \(known)")
        }
    }

    /// A subscription row lasts at least a second, so it cannot change or end at its start.
    private func liveSubscription(_ code: String, _ field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) -> TenancyWalk.Live {
        try checkDeployment(code, field, near: near)
        guard let live = tenancy.live[code] else {
            throw error(field, near: near, "deployment '\(code)' has no live subscription at \(when); subscribe it first")
        }
        guard when > live.since else {
            throw error(field, near: near, "the subscription of deployment '\(code)' started at \(live.since); it cannot change or end at the same instant")
        }
        return live
    }
}
