import ArcadiaCore
import DigitalOcean

/// `tenants:`, `deployments:`, `metering:` and the subscription and metering timeline actions.
extension YAMLNodeReader {
    func tenants(_ field: YAMLField) throws(ScenarioError) -> [TenantSpec] {
        var tenants: [TenantSpec] = []
        for item in try list(field) {
            let map = try mapping(item, allowed: ["code", "name", "country"])
            tenants.append(TenantSpec(code: try code(map.required("code")), name: try nonEmptyString(map.required("name")),
                                      country: try country(map.required("country")), location: map.location))
        }
        return tenants
    }

    func deployments(_ field: YAMLField) throws(ScenarioError) -> [DeploymentSpec] {
        var deployments: [DeploymentSpec] = []
        for item in try list(field) {
            let map = try mapping(item, allowed: ["code", "tenant", "name", "project"])
            deployments.append(DeploymentSpec(code: try code(map.required("code")), tenant: try nonEmptyString(map.required("tenant")),
                                              name: try nonEmptyString(map.required("name")),
                                              project: try nonEmptyString(map.required("project")), location: map.location))
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
        let dayField = try mapping(body, allowed: ["day"]).required("day")
        let day = try time(dayField)
        guard day == day.startOfDay else { throw error(dayField, "must be a day, written YYYY-MM-DD") }
        return .meterUsage(day: day)
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

    /// Tenant and deployment codes: lowercase letters, digits, `-` and `_`, starting with a letter or digit.
    private func code(_ field: YAMLField) throws(ScenarioError) -> String {
        let text = try nonEmptyString(field)
        let lowerOrDigit: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        guard let first = text.unicodeScalars.first, lowerOrDigit(first),
              text.unicodeScalars.allSatisfy({ lowerOrDigit($0) || $0 == "-" || $0 == "_" }) else {
            throw error(field, "must be lowercase letters, digits, '-' and '_', starting with a letter or digit; found '\(text)'")
        }
        return text
    }

    private func country(_ field: YAMLField) throws(ScenarioError) -> String {
        let text = try nonEmptyString(field)
        guard text.unicodeScalars.count == 2, text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw error(field, "must be an ISO 3166 two-letter country code in capitals, e.g. AU; found '\(text)'")
        }
        return text
    }
}
