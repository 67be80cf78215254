import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
import GRDB
import MoneyAndTime
import Testing

/// The fake's load balancer, reserved IP and Spaces lines, ingested through the real client:
/// classified by product and matched (or explained) as DO's own lines would be.
@Suite struct NetworkCostIngestionTests {
    let ledger = try! Ledger()
    let june = Timestamp(year: 2026, month: 6, day: 1)

    @Test func loadBalancerAndIPLinesMatchAndSpacesLinesAreAccountLevel() async throws {
        let fake = FakeDigitalOcean(seed: 29, start: june)
        try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
        try fake.createLoadBalancer(name: "LB-Web", region: "syd1",
                                    forwardingRules: [.init(entryProtocol: "http", entryPort: 80, targetProtocol: "http", targetPort: 80)],
                                    droplets: ["web-1"], project: nil)
        let ip = try fake.reserveIP(region: "syd1", project: nil)
        try fake.createSpacesBucket(name: "assets", region: "syd1", sizeGB: 300, project: nil)
        let client = DigitalOceanClient(transport: fake.transport, token: FakeDigitalOcean.defaultToken)
        _ = try await JobRunner(client: client, ledger: ledger, clock: .fixed(june)).sweepInventory()

        let july = Timestamp(year: 2026, month: 7, day: 2)
        fake.advance(to: july)
        let costs = CostIngestion(ledger: ledger, clock: .fixed(july), source: DigitalOceanInvoiceSource(client: client))
        let report = await costs.ingestNewInvoices()
        let ingested = try #require(report.ingested.first)
        #expect(report.failures.isEmpty && ingested.reconciliationFinding == nil)
        let lines = try await ledger.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT l.product || ' | ' || l.description || ' | ' || l.amount_cents || ' | ' || l.kind || ' | ' || l.match_status
                       || ' | ' || COALESCE(r.kind, '-') || ' | ' || COALESCE(l.unmatched_reason, '-')
                FROM cloud_cost_lines l LEFT JOIN cloud_resources r ON r.id = l.matched_resource_id ORDER BY l.line_no
                """)
        }
        // 720 h: capped at the monthly prices. Spaces: 50 GB over for the whole month = 50 × 2¢.
        #expect(lines == [
            "Droplets | web-1 (s-1vcpu-1gb) | 600 | droplet | matched | droplet | -",
            "Load Balancers | LB-Web (1 node) | 1200 | load_balancer | matched | load_balancer | -",
            "Floating IPs | Unused Floating IP - \(ip) | 400 | floating_ip | matched | floating_ip | -",
            "Spaces Subscription | Spaces ($5/mo 250GB storage & 1TB bandwidth) | 500 | spaces_bucket | unmatched | - | account-level subscription",
            "Spaces Subscription | Spaces storage overage (above 250GB) | 100 | spaces_bucket | unmatched | - | account-level subscription",
        ])
        #expect(ingested.rate.matched == 3 && ingested.rate.total == 5)
    }
}
