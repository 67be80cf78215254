import DigitalOcean

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
extension ValidationWalk {
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
            if let live = tenancy.live[spec.deployment] {
                throw error("\(field).deployment", near: near,
                            "deployment '\(spec.deployment)' already has a live subscription (plan '\(live.plan)' since \(live.since)); "
                                + "use change_subscription, or end_subscription first")
            }
            tenancy.live[spec.deployment] = TenancyWalk.Live(plan: spec.plan, addons: spec.addons.sorted(), since: when)
        case .changeSubscription(let spec):
            let live = try liveSubscription(spec.deployment, "\(field).deployment", near: near, when: when)
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
