import ArcadiaCore
import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// The reprice benchmark's history: `tenants` tenants with one deployment and one droplet each,
/// a subscription from the first month (starter or pro, some with an addon), a year of daily
/// droplet-hour usage, and every month rolled up with the standard book, all from a seed; then
/// candidate books that differ from it in base prices and overage, some tiered.
public struct RepriceBench: Sendable {
    public var tenants: Int
    public var months: Int
    public var seed: UInt64

    public init(tenants: Int, months: Int, seed: UInt64) {
        (self.tenants, self.months, self.seed) = (tenants, months, seed)
    }

    public static let start = Timestamp(year: 2026, month: 1, day: 1)

    /// The ledger with its history and invoices (building it is not what the benchmark times).
    public func history(book: PriceBook) throws -> Ledger {
        let ledger = try Ledger()
        _ = try PriceBookStore(ledger: ledger).write(book, source: "bench")
        var random = SplitMix64(seed: seed)
        var end = Self.start
        for _ in 0..<months { end = end.startOfNextMonth }
        try ledger.writer.write { db in
            for index in 0..<tenants {
                let code = String(format: "t%05d", index)
                try db.execute(sql: "INSERT INTO tenants (code, name, country) VALUES (?, ?, ?)",
                               arguments: [code, "Tenant \(index)", index % 3 == 0 ? "AU" : "US"])
                let tenantID = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO deployments (code, tenant_id, name, project_name) VALUES (?, ?, ?, ?)",
                               arguments: ["\(code)-web", tenantID, "web", "\(code)-project"])
                let deploymentID = db.lastInsertedRowID
                try db.execute(sql: """
                    INSERT INTO cloud_resources (kind, provider_id, name, status, first_seen_at, last_changed_at)
                    VALUES ('droplet', ?, ?, 'active', ?, ?)
                    """, arguments: [String(100_000 + index), "\(code)-web-1", Self.start, Self.start])
                let resourceID = db.lastInsertedRowID
                let plan = random.next() % 4 == 0 ? "pro" : "starter"
                try db.execute(sql: "INSERT INTO subscriptions (deployment_id, plan_code, started_at) VALUES (?, ?, ?)",
                               arguments: [deploymentID, plan, Self.start])
                if random.next() % 3 == 0 {
                    try db.execute(sql: "INSERT INTO subscription_addons (subscription_id, addon_code) VALUES (?, 'storage_50gb')",
                                   arguments: [db.lastInsertedRowID])
                }
                let droplets = plan == "pro" ? 3 : 1
                var day = Self.start
                while day < end {
                    let hours = 24 * droplets + Int(random.next() % 25)
                    try db.execute(sql: """
                        INSERT INTO usage_records (deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at)
                        VALUES (?, ?, 'droplet_hours', ?, ?, 'daily', ?, ?)
                        """, arguments: [deploymentID, resourceID, day, day + 86_400, String(hours), day + 90_000])
                    day = day + 86_400
                }
            }
        }
        var period = BillingPeriod(containing: Self.start)
        for _ in 0..<months {
            let invoicing = TenantInvoicing(ledger: ledger, clock: .fixed(period.end + 3 * 3_600),
                                            usage: .metered(by: MeteringEngine(ledger: ledger, clock: .fixed(period.end))))
            _ = try invoicing.rollup(period: period)
            period = BillingPeriod(containing: period.end)
        }
        return ledger
    }

    /// `count` candidates: each moves the base prices and overage of `book` by a few percent,
    /// every other one with graduated droplet-hour tiers.
    public static func candidates(from book: PriceBook, count: Int) -> [PriceBook] {
        (1...max(count, 1)).map { index in
            var candidate = book
            candidate.name = "candidate-\(index)"
            for plan in candidate.plans.indices {
                candidate.plans[plan].basePrice = Money(cents: candidate.plans[plan].basePrice.cents * (100 + 2 * index) / 100)
                for item in candidate.plans[plan].items.indices where index % 2 == 0 {
                    if case .flat(let price) = candidate.plans[plan].items[item].overage {
                        candidate.plans[plan].items[item].overage = .graduated([PriceTier(upTo: 100, unitPrice: price),
                                                                                PriceTier(upTo: nil, unitPrice: price / 2)])
                    }
                }
            }
            return candidate
        }
    }
}
