import MoneyAndTime

/// Makes a failing scenario small: drops timeline events (halves, then quarters, … then one at a
/// time until none can go), then tenants, deployments, subscriptions, price books and the world's
/// resources one at a time, then the later days of the clock, keeping each cut only when the
/// result is still a valid scenario and still fails. Deterministic: the same scenario and the same
/// `stillFails` give the same result. `budget` bounds how many candidates are played.
public enum Shrinker {
    public static func shrink(_ scenario: Scenario, budget: Int = 400,
                              stillFails: (Scenario) async -> Bool) async -> Scenario {
        var best = scenario
        var tries = 0
        func attempt(_ candidate: Scenario) async -> Bool {
            guard tries < budget, (try? ScenarioValidator.validate(candidate)) != nil else { return false }
            tries += 1
            guard await stillFails(candidate) else { return false }
            best = candidate
            return true
        }

        /// Tries leaving out each element of the list at `path`, last first; `also` removes what
        /// named the element (a tenant's deployments and their events).
        func dropEach<Element>(_ path: WritableKeyPath<Scenario, [Element]>,
                               also: (inout Scenario, Element) -> Void = { _, _ in }) async {
            var index = best[keyPath: path].count - 1
            while index >= 0, tries < budget {
                var candidate = best
                also(&candidate, candidate[keyPath: path].remove(at: index))
                _ = await attempt(candidate)
                index -= 1
            }
        }

        // Halves, quarters, … single events; then single events again until none can go (dropping
        // one may free another: a plan change can go only once its subscription has).
        var chunk = max(1, best.timeline.count / 2)
        var removed = true
        while removed, tries < budget {
            removed = false
            var start = 0
            while start < best.timeline.count, tries < budget {
                var candidate = best
                candidate.timeline.removeSubrange(start..<min(start + chunk, candidate.timeline.count))
                if await attempt(candidate) { removed = true } else { start += chunk }
            }
            if chunk > 1 {
                chunk /= 2
                removed = true
            }
        }
        // Whole tenants with their deployments and what names them, then single deployments, then
        // a deployment's subscription events together, then price books and the world's resources.
        await dropEach(\.tenancy.tenants) { scenario, tenant in
            let deployments = scenario.tenancy.deployments.filter { $0.tenant == tenant.code }.map(\.code)
            scenario.tenancy.deployments.removeAll { $0.tenant == tenant.code }
            scenario.timeline.removeAll { event in event.action.names(tenant: tenant.code) || deployments.contains { event.action.subscribes($0) } }
        }
        await dropEach(\.tenancy.deployments) { scenario, deployment in
            scenario.timeline.removeAll { $0.action.subscribes(deployment.code) }
        }
        for code in best.tenancy.deployments.map(\.code) where tries < budget {
            var candidate = best
            candidate.timeline.removeAll { $0.action.subscribes(code) }
            if candidate.timeline.count < best.timeline.count { _ = await attempt(candidate) }
        }
        await dropEach(\.priceBooks)
        await dropEach(\.world.volumes)
        await dropEach(\.world.domains)
        await dropEach(\.world.reservedIPs)
        await dropEach(\.world.firewalls)
        await dropEach(\.world.loadBalancers)
        await dropEach(\.world.spacesBuckets)
        await dropEach(\.world.droplets)
        await dropEach(\.world.projects)
        while best.clock.end - best.clock.start > 86_400, tries < budget {
            var candidate = best
            candidate.clock.end = candidate.clock.end - 86_400
            candidate.timeline.removeAll { $0.at >= candidate.clock.end }
            if await !attempt(candidate) { break }
        }
        return best
    }
}

extension ScenarioAction {
    /// A subscription event of the deployment: what goes when the deployment or its subscription does.
    func subscribes(_ deployment: String) -> Bool {
        switch self {
        case .subscribe(let spec): spec.deployment == deployment
        case .changeSubscription(let spec): spec.deployment == deployment
        case .endSubscription(let code): code == deployment
        default: false
        }
    }

    /// An event about the tenant's invoices.
    func names(tenant: String) -> Bool {
        switch self {
        case .invoicePaid(let code, _), .invoiceVoid(let code, _): code == tenant
        default: false
        }
    }
}
