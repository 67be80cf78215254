import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Testing
@testable import Workbench

/// `tenants:`, `deployments:`, `metering:` and the subscription events: the model they parse
/// into, and each error at its field's own node.
struct ScenarioTenancyParserTests {
    static let header = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-05-01}\n"
    /// The header plus a tenant and a deployment; the body of a case starts on line 10.
    static let tenancy = header + """
        world:
          projects: [{name: p}]
        tenants:
          - {code: acme, name: Acme, country: AU}
        deployments:
          - {code: acme-prod, tenant: acme, name: Acme production, project: p}

        """

    @Test func parsesEveryKeyIntoTheModel() throws {
        let scenario = try ScenarioParser.parse(yaml: Self.tenancy + """
            metering:
              droplet_hours: {granularity: hourly, retention_days: 90}
              dns_zones: {}
            timeline:
              - {at: 2026-04-01, subscribe: {deployment: acme-prod, plan: starter}}
              - {at: 2026-04-10, change_subscription: {deployment: acme-prod, addons: [backups, storage_50gb]}}
              - {at: 2026-04-20, change_subscription: {deployment: acme-prod, plan: pro}}
              - {at: 2026-04-25, end_subscription: {deployment: acme-prod}}
              - {at: 2026-04-26, meter_usage: {day: 2026-04-25}}
            """, file: "ok.yaml")

        #expect(scenario.tenancy.tenants.map { [$0.code, $0.name, $0.country] } == [["acme", "Acme", "AU"]])
        #expect(scenario.tenancy.deployments.map { [$0.code, $0.tenant, $0.name, $0.project] } == [["acme-prod", "acme", "Acme production", "p"]])
        #expect(scenario.metering.policies == [.dropletHours: MeteringPolicy(granularity: .hourly, retentionDays: 90),
                                               .dnsZones: .standard])
        #expect(scenario.timeline.map(\.action) == [
            .subscribe(SubscriptionSpec(deployment: "acme-prod", plan: "starter")),
            .changeSubscription(SubscriptionChangeSpec(deployment: "acme-prod", addons: ["backups", "storage_50gb"])),
            .changeSubscription(SubscriptionChangeSpec(deployment: "acme-prod", plan: "pro")),
            .endSubscription(deployment: "acme-prod"),
            .meterUsage(day: Timestamp(year: 2026, month: 4, day: 25)),
        ])
    }

    @Test(arguments: [
        ErrorCase("tenant code not a slug", header + "tenants:\n  - {code: Acme Co, name: A, country: AU}\n", 5, 12, "tenants[0].code",
                  "must be lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters; found 'Acme Co'"),
        ErrorCase("tenant country spelled out", header + "tenants:\n  - {code: a, name: A, country: Australia}\n", 5, 33,
                  "tenants[0].country", "must be an ISO 3166 two-letter country code in capitals, e.g. AU; found 'Australia'"),
        ErrorCase("tenant country not an assigned code", header + "tenants:\n  - {code: a, name: A, country: UK}\n", 5, 33,
                  "tenants[0].country", "must be an ISO 3166 two-letter country code in capitals, e.g. AU; found 'UK'"),
        ErrorCase("deployment missing its project", header + "deployments:\n  - {code: d, tenant: a, name: D}\n", 5, 5,
                  "deployments[0].project", "missing required key 'project'"),
        ErrorCase("metering an unknown billing kind", header + "metering:\n  volume_gb: {granularity: hourly}\n", 5, 3, "metering.volume_gb",
                  "unknown key 'volume_gb'; allowed keys: backup_gb_month, dns_zones, droplet_hours, snapshot_gb_month, spaces_gb_month"),
        ErrorCase("metering granularity weekly", header + "metering:\n  dns_zones: {granularity: weekly}\n", 5, 28,
                  "metering.dns_zones.granularity", "must be one of daily, hourly; found 'weekly'"),
        ErrorCase("metering retention zero", header + "metering:\n  dns_zones: {retention_days: 0}\n", 5, 31,
                  "metering.dns_zones.retention_days", "must be at least 1, found 0"),
        ErrorCase("subscribe without a plan", header + "timeline:\n  - at: 2026-04-01\n    subscribe: {deployment: d}\n", 6, 16,
                  "timeline[0].subscribe.plan", "missing required key 'plan'"),
        ErrorCase("an addon twice", header + "timeline:\n  - at: 2026-04-01\n    subscribe: {deployment: d, plan: p, addons: [a, b, a]}\n",
                  6, 56, "timeline[0].subscribe.addons[2]", "addon 'a' is listed twice"),
        ErrorCase("a change that names nothing to change",
                  header + "timeline:\n  - at: 2026-04-01\n    change_subscription: {deployment: d}\n", 6, 26,
                  "timeline[0].change_subscription", "changes nothing: add 'plan', 'addons' or both"),
        ErrorCase("metering a day given as an instant", header + "timeline:\n  - at: 2026-04-03\n    meter_usage: {day: 2026-04-01T10:00:00Z}\n",
                  6, 24, "timeline[0].meter_usage.day", "'2026-04-01T10:00:00Z' is not a date; write YYYY-MM-DD, e.g. 2026-01-01"),
        // Midnight is still an instant, not the day the docs and the schema ask for.
        ErrorCase("metering a day given as midnight", header + "timeline:\n  - at: 2026-04-03\n    meter_usage: {day: 2026-04-01T00:00:00Z}\n",
                  6, 24, "timeline[0].meter_usage.day", "'2026-04-01T00:00:00Z' is not a date; write YYYY-MM-DD, e.g. 2026-01-01"),
        ErrorCase("a misspelt key", header + "timeline:\n  - at: 2026-04-03\n    meter_usage: {dya: 2026-04-01}\n", 6, 19,
                  "timeline[0].meter_usage.dya", "unknown key 'dya' (did you mean 'day'?); allowed keys: day"),
        ErrorCase("a tenant name with a control character", header + "tenants:\n  - {code: t, name: \"A\\aB\", country: AU}\n",
                  5, 21, "tenants[0].name", "holds U+0007, a control or direction character; names are printed, so they hold only visible text"),
        // The admin API refuses such a code; the scenario used to fail only when it played.
        ErrorCase("a tenant code longer than the service takes", header + "tenants:\n  - {code: \(String(repeating: "t", count: 65)), name: T, country: AU}\n",
                  5, 12, "tenants[0].code", "must be lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters; "
                      + "found '\(String(repeating: "t", count: 65))'"),
    ])
    func shapeErrors(_ error: ErrorCase) {
        error.check()
    }

    @Test(arguments: [
        ErrorCase("two tenants with one code", header + "tenants:\n  - {code: a, name: A, country: AU}\n  - {code: a, name: B, country: AU}\n",
                  6, 12, "tenants[1].code", "tenants[0] already has code 'a'"),
        ErrorCase("deployment of an unknown tenant",
                  header + "tenants:\n  - {code: a, name: A, country: AU}\ndeployments:\n  - {code: d, tenant: b, name: D, project: Default}\n",
                  7, 23, "deployments[0].tenant", "no tenant has code 'b'; tenants: a"),
        ErrorCase("deployment of a project the world lacks",
                  header + "tenants:\n  - {code: a, name: A, country: AU}\ndeployments:\n  - {code: d, tenant: a, name: D, project: nope}\n",
                  7, 44, "deployments[0].project", "no project named 'nope' exists in the world; existing projects: Default"),
        ErrorCase("two deployments owning one project",
                  tenancy + "  - {code: d2, tenant: acme, name: Two, project: p}\n", 10, 50, "deployments[1].project",
                  "project 'p' already belongs to deployment 'acme-prod'; a project has one owner"),
        ErrorCase("subscribing an unknown deployment",
                  tenancy + "timeline:\n  - at: 2026-04-01\n    subscribe: {deployment: nope, plan: starter}\n", 12, 29,
                  "timeline[0].subscribe.deployment", "no deployment has code 'nope'; deployments: acme-prod"),
        ErrorCase("two live subscriptions for one deployment",
                  tenancy + "timeline:\n  - {at: 2026-04-01, subscribe: {deployment: acme-prod, plan: starter}}\n"
                      + "  - {at: 2026-04-02, subscribe: {deployment: acme-prod, plan: pro}}\n", 12, 46,
                  "timeline[1].subscribe.deployment",
                  "deployment 'acme-prod' already has a live subscription (plan 'starter' since 2026-04-01T00:00:00Z); "
                      + "use change_subscription, or end_subscription first"),
        ErrorCase("ending a subscription that does not exist",
                  tenancy + "timeline:\n  - {at: 2026-04-01, end_subscription: {deployment: acme-prod}}\n", 11, 53,
                  "timeline[0].end_subscription.deployment",
                  "deployment 'acme-prod' has no live subscription at 2026-04-01T00:00:00Z; subscribe it first"),
        ErrorCase("changing a subscription at its start",
                  tenancy + "timeline:\n  - {at: 2026-04-01, subscribe: {deployment: acme-prod, plan: starter}}\n"
                      + "  - {at: 2026-04-01, change_subscription: {deployment: acme-prod, plan: pro}}\n", 12, 56,
                  "timeline[1].change_subscription.deployment",
                  "the subscription of deployment 'acme-prod' started at 2026-04-01T00:00:00Z; it cannot change or end at the same instant"),
        ErrorCase("a change to what is already held",
                  tenancy + "timeline:\n  - {at: 2026-04-01, subscribe: {deployment: acme-prod, plan: starter, addons: [b, a]}}\n"
                      + "  - {at: 2026-04-02, change_subscription: {deployment: acme-prod, addons: [a, b]}}\n", 12, 43,
                  "timeline[1].change_subscription",
                  "deployment 'acme-prod' already holds plan 'starter' with these addons; the change changes nothing"),
        ErrorCase("metering a day that has not ended",
                  header + "timeline:\n  - {at: 2026-04-01T23:00:00Z, meter_usage: {day: 2026-04-01}}\n", 5, 51,
                  "timeline[0].meter_usage.day", "2026-04-01 is not over at 2026-04-01T23:00:00Z; a day can be metered once it has ended"),
    ])
    func crossReferenceErrors(_ error: ErrorCase) {
        error.check()
    }
}
