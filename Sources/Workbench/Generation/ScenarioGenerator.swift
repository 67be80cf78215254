import ArcadiaCore
import DigitalOcean
import Foundation
import MoneyAndTime

/// The fuzzer's scenarios: from a seed, a valid `Scenario` with a fleet and its churn (through
/// `GeneratedFleet`, as the benchmark's), projects owned by deployments of one or two tenants,
/// subscriptions with plan changes and endings, backups and snapshots, the services around the
/// fleet (`GeneratedServices`: volumes, domains, reserved IPs, load balancers, firewalls, Spaces
/// buckets, a database, drift), a month boundary with its rollup, a price book that may change at
/// that boundary, and with `faults` listing outages, broken bodies, rate limits,
/// listing shifts and invoice CSV faults.
/// The same seed and flags always give the same scenario; `ScenarioWriter` turns it into a file
/// `arcadia run` replays.
public enum ScenarioGenerator {
    public static func fuzz(seed: UInt64, faults: Bool) throws(ScenarioError) -> Scenario {
        var random = SplitMix64(seed: seed)
        let month = 1 + random.below(12)
        let lastDay = CivilDate.daysInMonth(year: 2026, month: month)
        let start = Timestamp(year: 2026, month: month, day: lastDay - 1 - random.below(3))
        let days = 5 + random.below(3)
        let end = start + Int64(days) * 86_400
        let monthEnd = start.startOfNextMonth

        var fleet = GeneratedFleet(projectCount: 1 + random.below(3))
        var world = WorldSpec()
        world.projects = fleet.projects
        world.droplets = fleet.populate(2 + random.below(5), &random)
        var timeline = fleet.churn(days: days, perDay: 1 + random.below(4), start: start, kinds: GeneratedFleet.Churn.allCases, &random)

        let tenancy = GeneratedTenancy.make(tenants: 1 + random.below(2), deployments: fleet.projectCount)
        for deployment in tenancy.deployments {
            let plans = ["starter", "pro"]
            let plan = random.pick(plans)
            timeline.append(TimelineEvent(at: start, action: .subscribe(SubscriptionSpec(deployment: deployment.code, plan: plan))))
            let later = start + 86_400 + Int64(random.below(days - 2)) * 86_400 + Int64(random.below(24)) * 3_600
            switch random.below(4) {
            case 0: timeline.append(TimelineEvent(at: later, action: .changeSubscription(SubscriptionChangeSpec(
                deployment: deployment.code, plan: plans.first { $0 != plan }))))
            case 1: timeline.append(TimelineEvent(at: later, action: .endSubscription(deployment: deployment.code)))
            default: break
            }
        }
        if faults {
            let paths = ["/v2/droplets", "/v2/droplets", "/v2/volumes", "/v2/snapshots", "/v2/projects", "/v2/customers/my/balance"]
            for _ in 0..<1 + random.below(3) {
                let at = start + Int64(random.below(days * 96)) * 900 + 60
                let fault = FaultSpec(path: random.pick(paths), status: random.pick([500, 502, 503]), times: 1 + random.below(60))
                timeline.append(TimelineEvent(at: at, action: .fault(fault)))
            }
        }
        // Drawn after everything above, so the fleet, tenancy and outages of a seed are what they were.
        var services = GeneratedServices(start: start, end: end, projects: fleet.projects.map(\.name), fleet: world.droplets, churn: timeline)
        services.volumes(&random)
        services.domains(&random)
        services.reservedIPs(&random)
        services.loadBalancers(&random)
        services.firewalls(&random)
        services.projectMembers(&random)
        services.drift(&random)
        if faults { services.faults(invoicePeriod: BillingPeriod(containing: start).description, monthEnd: monthEnd, &random) }
        timeline += services.timeline + GeneratedServices.snapshotDeletions(timeline, before: end, &random)
        world.volumes = services.world.volumes
        world.domains = services.world.domains
        world.spacesBuckets = services.world.spacesBuckets
        for index in world.droplets.indices where random.chance(50) { world.droplets[index].provisioned = true }

        // By time, keeping the generated order at one instant (the churn's order is what makes it valid).
        timeline = timeline.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)

        var metering = MeteringSpec()
        if random.chance(25) { metering.policies[.dropletHours] = MeteringPolicy(granularity: .hourly) }
        var books = [PriceBookSpec(book: book(name: "fuzz-a", from: Timestamp(year: 2026, month: 1, day: 1), step: 0), source: "inline")]
        if random.chance(50) {
            books.append(PriceBookSpec(book: book(name: "fuzz-b", from: monthEnd, step: 1 + random.below(5)), source: "inline"))
        }
        for kind in [BillingKind.snapshotGBMonth, .dnsZones, .spacesGBMonth] where random.chance(15) {
            metering.policies[kind] = MeteringPolicy(granularity: .hourly)
        }
        let scenario = Scenario(
            name: "fuzz-\(seed)", description: "generated by arcadia fuzz from seed \(seed)\(faults ? " with --faults" : "")", seed: seed,
            clock: ClockRange(start: start, end: end), world: world, timeline: timeline,
            tenancy: tenancy, metering: metering, priceBooks: books)
        try ScenarioValidator.validate(scenario)
        return scenario
    }

    /// A book with the plans subscriptions name, dearer by `step` dollars a month and a tenth of
    /// a cent an hour per step.
    static func book(name: String, from: Timestamp, step: Int) -> PriceBook {
        let hourly = Decimal(string: "0.011")! + Decimal(step) / 1_000
        return PriceBook(
            name: name, effectiveFrom: from, taxRates: [TaxRate(country: "AU", label: "GST", rate: Decimal(string: "0.1")!)],
            plans: [
                Plan(code: "starter", name: "Starter", basePrice: Money(cents: 2_900 + step * 100),
                     items: [PlanItem(billingKind: .dropletHours, includedQuantity: 100, overageUnitPrice: hourly),
                             PlanItem(billingKind: .snapshotGBMonth, includedQuantity: 1, overageUnitPrice: Decimal(string: "0.06")!)]),
                Plan(code: "pro", name: "Pro", basePrice: Money(cents: 9_900 + step * 100),
                     items: [PlanItem(billingKind: .dropletHours, includedQuantity: 500, overageUnitPrice: hourly)]),
            ])
    }
}
