import ArcadiaCore
import DigitalOcean

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
