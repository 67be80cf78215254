import MoneyAndTime

/// The revenue side of a generated scenario: tenants, and one deployment per fleet project
/// (deployment `i` owns project `fleet-i` and belongs to tenant `i mod tenants`), shared by the
/// fuzzer and the benchmark. Tenant 0 is Australian (GST applies), the others American (no tax
/// rate, a rollup note).
enum GeneratedTenancy {
    static func make(tenants: Int, deployments: Int) -> TenancySpec {
        let tenantSpecs = (0..<max(1, tenants)).map { TenantSpec(code: "t\($0)", name: "Tenant \($0)", country: $0 == 0 ? "AU" : "US") }
        let deploymentSpecs = (0..<deployments).map {
            DeploymentSpec(code: "dep-\($0)", tenant: tenantSpecs[$0 % tenantSpecs.count].code, name: "Deployment \($0)",
                           project: GeneratedFleet.projectName($0))
        }
        return TenancySpec(tenants: tenantSpecs, deployments: deploymentSpecs)
    }

    /// Each deployment subscribed at `at` to one of `plans`, drawn in deployment order.
    static func subscriptions(_ tenancy: TenancySpec, plans: [String], at: Timestamp, _ random: inout SplitMix64) -> [TimelineEvent] {
        tenancy.deployments.map { deployment in
            TimelineEvent(at: at, action: .subscribe(SubscriptionSpec(deployment: deployment.code, plan: random.pick(plans))))
        }
    }
}
