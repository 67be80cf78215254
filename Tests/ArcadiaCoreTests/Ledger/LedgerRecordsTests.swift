import MoneyAndTime
@testable import ArcadiaCore
import DigitalOcean
import Foundation
import GRDB
import Testing

/// Every record written through GRDB and read back is the value that went in: the columns the
/// record encodes are the columns it decodes, under the names the schema gives them.
@Suite struct LedgerRecordsTests {
    static let t0 = Timestamp(year: 2026, month: 4, day: 1, hour: 10, minute: 7)
    static let april = BillingPeriod(year: 2026, month: 4)!

    /// Inserts `record` and fetches every row of its table back (the table holds only it).
    func roundTrip<R: FetchableRecord & PersistableRecord & Equatable>(_ record: R, _ db: Database) throws -> [R] {
        try record.insert(db)
        return try R.fetchAll(db)
    }

    @Test func inventoryRecordsRoundTrip() throws {
        let ledger = try Ledger()
        try ledger.writer.write { (db: Database) throws in
            let project = CloudProject(id: 7, providerID: "p-1", name: "pilot-prod", description: "the pilot", environment: "Production",
                                       isDefault: true, firstSeenAt: Self.t0, lastChangedAt: Self.t0 + 60, missedListings: 2,
                                       staleAt: Self.t0 + 120)
            #expect(try roundTrip(project, db) == [project])
            let resource = CloudResource(id: 3, kind: .droplet, providerID: "101", name: "web-1", status: "active", region: "syd1",
                                         sizeSlug: "s-1vcpu-1gb", attributesText: #"{"vcpus":1}"#, projectID: 7, firstSeenAt: Self.t0,
                                         lastChangedAt: Self.t0 + 3_600, missedListings: 1, staleAt: nil)
            #expect(try roundTrip(resource, db) == [resource])
            let event = ResourceEvent(resourceID: 3, at: Self.t0, event: .driftDetected, field: "size_slug", oldValue: "a", newValue: nil)
            #expect(try roundTrip(event, db) == [event])
            let failure = SyncFailure(at: Self.t0, worker: "sync.droplets", page: 2, error: "HTTP 500")
            #expect(try roundTrip(failure, db) == [failure])
            let spec = ProvisionedSpec(resourceID: 3, spec: #"{"size_slug":"s-2vcpu-4gb"}"#, specVersion: 4, recordedAt: Self.t0)
            #expect(try roundTrip(spec, db) == [spec])
            let drift = DriftFinding(id: 9, resourceID: 3, field: "size_slug", desired: #""s-2vcpu-4gb""#, live: nil, status: .ignored,
                                     openedAt: Self.t0, closedAt: nil, ignoreRule: "resize-ok", note: "planned")
            #expect(try roundTrip(drift, db) == [drift])
        }
    }

    @Test func costRecordsRoundTrip() throws {
        let ledger = try Ledger()
        try ledger.writer.write { (db: Database) throws in
            let snapshot = BalanceSnapshot(takenAt: Self.t0, figures: BalanceFigures(monthToDateBalanceCents: 1_234, accountBalanceCents: -5,
                                                                                     monthToDateUsageCents: 1_239, generatedAt: Self.t0 - 7))
            // Snapshots are written only by the hourly job's one statement, which skips a re-run.
            try snapshot.insertUnlessTaken(db)
            var rerun = snapshot
            rerun.figures.accountBalanceCents = 99
            try rerun.insertUnlessTaken(db)
            #expect(try BalanceSnapshot.fetchAll(db) == [snapshot])
            let invoice = CloudInvoice(id: 2, invoiceUUID: "inv-1", invoiceID: "1001", period: Self.april, amountCents: 5_514,
                                       ingestedAt: Self.t0, lineCount: 1, ingestError: "a previous failure")
            #expect(try roundTrip(invoice, db) == [invoice])
            let parsed = InvoiceCSVLine(lineNo: 1, csvRow: 2, product: "Droplets", description: "web-1 (s-1vcpu-1gb)", hours: 672,
                                        start: Self.april.start, end: Self.april.end, amountCents: 600, projectName: "pilot")
            let line = CostLine(parsed, invoiceRowID: 2, kind: .droplet, outcome: .unmatched(.destroyedBeforeFirstSync))
            // Lines are written only as a set, by the store's one compiled insert.
            try CostLineStore.replace(db, invoiceRowID: 2, invoiceUUID: "inv-1", with: [line])
            #expect(try CostLine.fetchAll(db) == [line])
            #expect(try String.fetchOne(db, sql: "SELECT match_status FROM cloud_cost_lines") == "unmatched", "derived from the match, not stored apart")
        }
    }

    @Test func revenueRecordsRoundTrip() throws {
        let ledger = try Ledger()
        try ledger.writer.write { (db: Database) throws in
            let tenant = Tenant(id: 4, code: "acme", name: "Acme Pty Ltd", country: "AU")
            #expect(try roundTrip(tenant, db) == [tenant])
            let deployment = Deployment(id: 5, code: "acme-web", tenantID: 4, name: "Web", projectName: "acme-web")
            #expect(try roundTrip(deployment, db) == [deployment])
            let subscription = SubscriptionRecord(id: 6, deploymentID: 5, planCode: "starter", startedAt: Self.t0, endedAt: Self.t0 + 86_400)
            #expect(try roundTrip(subscription, db) == [subscription])
            let addon = SubscriptionAddon(subscriptionID: 6, addonCode: "storage_50gb")
            #expect(try roundTrip(addon, db) == [addon])
            try CloudResource(id: 3, kind: .dnsZone, providerID: "acme.example", name: "acme.example", status: "active",
                              firstSeenAt: Self.t0, lastChangedAt: Self.t0).insert(db)
            let usage = UsageRecord(deploymentID: 5, resourceID: 3, billingKind: .dnsZones, periodStart: Self.april.start,
                                    periodEnd: Self.april.start + 3_600, granularity: .hourly, quantity: UsageQuantity(millionths: 1_344),
                                    recordedAt: Self.t0)
            #expect(try roundTrip(usage, db) == [usage])

            let line = TenantInvoiceLine(invoiceID: 8, lineNo: 1, kind: .overage, deploymentID: 5, deploymentCode: "acme-web",
                                         subscriptionID: 6, resourceKind: .dropletHours, description: "Overage: droplet_hours",
                                         quantity: Decimal(string: "256")!, unitPrice: Decimal(string: "0.0125")!, amount: Money(cents: 320))
            let invoice = TenantInvoice(id: 8, tenantID: 4, tenant: "acme", tenantName: "Acme Pty Ltd", period: Self.april, currency: "USD",
                                        status: .issued, subtotal: Money(cents: 320), tax: Money(cents: 32), total: Money(cents: 352),
                                        createdAt: Self.t0, issuedAt: Self.t0 + 60, paidAt: nil, voidedAt: nil, lines: [line])
            try invoice.insert(db)
            try line.insert(db)
            #expect(try TenantInvoice.load(id: 8, db) == invoice, "the header joined with its tenant, and its lines with their deployment")
            #expect(try TenantInvoice.load(id: 9, db) == nil)
        }
    }
}
