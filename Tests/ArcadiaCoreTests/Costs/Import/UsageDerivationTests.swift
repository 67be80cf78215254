import CoreTestSupport
import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import Testing
import TestSupport
@testable import ArcadiaCore

/// `--derive-usage`: one record per line for the deployment owning its project, quantities from the
/// CSV (hours as they ran, GB from the description), and never summed with metered usage unless asked.
@Suite struct UsageDerivationTests {
    let ledger = try! Ledger()
    let now = Timestamp(year: 2026, month: 6, day: 1, hour: 9)
    let shop: Int64
    let blog: Int64

    init() throws {
        let acme = try RevenueFixtures.tenant(ledger, code: "acme")
        shop = try RevenueFixtures.deployment(ledger, code: "acme-shop", tenantID: acme)  // project acme-shop-project
        blog = try RevenueFixtures.deployment(ledger, code: "beta-blog", tenantID: acme)
        try ledger.writer.write { db in
            try db.execute(sql: "UPDATE deployments SET project_name = code")
        }
    }

    func run(_ name: String, _ derivation: UsageDerivation = UsageDerivation(), at time: Timestamp? = nil) throws -> InvoiceImportReport.Month {
        let export = InvoiceExport(file: name, data: try InvoiceExportFixture.data(name))
        return try InvoiceImport(ledger: ledger, clock: .fixed(time ?? now)).run([export], options: .init(deriveUsage: derivation)).months[0]
    }

    /// (id, deployment, kind, quantity, start, end, resource, line) of every derived record.
    func derived() throws -> [String] {
        try ledger.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, deployment_id, billing_kind, quantity, period_start, period_end, resource_id, cost_line_no, granularity, source
                FROM usage_records ORDER BY id
                """).map { row in
                "\(row[0] as Int64) d\(row[1] as Int64) \(row[2] as String) \(row[3] as String) \(row[4] as String)…\(row[5] as String) "
                    + "r\((row[6] as Int64?).map(String.init) ?? "-") line\(row[7] as Int) \(row[8] as String) \(row[9] as String)"
            }
        }
    }

    @Test func eachLineBecomesOneRecordSpanningItsOwnStartAndEndForTheProjectsDeployment() throws {
        let month = try run("2019-05-nine-columns-projects.csv")
        #expect(try derived() == [
            "1 d\(shop) droplet_hours 744 2019-05-01T00:00:00Z…2019-06-01T00:00:00Z r- line1 invoice do_invoice",
            "2 d\(blog) droplet_hours 744 2019-05-01T00:00:00Z…2019-06-01T00:00:00Z r- line2 invoice do_invoice",
        ])
        let usage = try #require(month.derivedUsage)
        #expect(usage.records.map(\.deployment) == ["acme-shop", "beta-blog"])
        #expect(usage.unassigned.map { "\($0.lineNo): \($0.reason)" } == ["3: project 'someone-elses' is owned by no deployment"])
        #expect(usage.notUsage.map { "\($0.lineNo) \($0.kind)" } == ["4 spaces_bucket", "5 tax"])
    }

    @Test func dropletHoursAreWhatRanAndStorageIsGigabyteMonthsFromTheDescription() throws {
        let month = try run("2019-03-eight-columns.csv", UsageDerivation(deployment: "acme-shop"))
        let usage = try #require(month.derivedUsage)
        // 744 h, not DO's 672-hour billing cap; 300 h; the snapshot 2.34 GB × 372 h ÷ 744 h = 1.17 GB-months.
        #expect(usage.records.map { "\($0.record.lineNo) \($0.record.billingKind) \($0.record.quantity)" }
            == ["1 droplet_hours 744", "2 droplet_hours 300", "4 snapshot_gb_month 1.17", "6 droplet_hours 10"])
        #expect(usage.notUsage.map { "\($0.lineNo): \($0.reason)" } == [
            "3: the description carries no size (DO's CSV has no size column), so GB-months are not derivable",
            "5: no billing kind meters volume (MeteredKinds)",
            "7: tax is not usage",
        ])
        #expect(usage.unassigned.isEmpty)
    }

    /// A droplet line's hours are one droplet's between its start and end (a started hour whole):
    /// 10,000,000 hours on a 720-hour line used to become usage and reprice a month at 99,138.46.
    /// It is listed as not derivable, naming both figures; a line at its span is derived.
    @Test func hoursBeyondALinesSpanAreListedNotDerived() throws {
        let csv = """
            product,group_description,description,hours,start,end,USD,project_name
            Droplets,,shop-web-1 (s-1vcpu-1gb),10000000,2019-04-01 00:00:00 +0000,2019-05-01 00:00:00 +0000,$6.00,acme-shop
            Droplets,,shop-web-2 (s-1vcpu-1gb),3,2019-04-02 10:00:00 +0000,2019-04-02 12:30:00 +0000,$0.03,acme-shop

            """
        let export = InvoiceExport(file: "2019-04.csv", data: Data(csv.utf8))
        let month = try InvoiceImport(ledger: ledger, clock: .fixed(now)).run([export], options: .init(deriveUsage: UsageDerivation())).months[0]
        let usage = try #require(month.derivedUsage)
        #expect(usage.notUsage.map { "\($0.lineNo): \($0.reason)" }
                == ["1: its 10000000 hours are more than the 720 from its start to its end, so they are not one resource's use"])
        #expect(usage.records.map { "\($0.record.lineNo) \($0.record.quantity)" } == ["2 3"], "2.5 hours started three")
    }

    @Test func theProjectMapPlacesOldLinesFirstAndWhatNothingPlacesIsListedNotGuessed() throws {
        let map = ProjectMap(rules: [.init(pattern: "SHOP-WEB-*", project: "acme-shop"), .init(pattern: "shop-db-?", project: "beta-blog"),
                                     .init(pattern: "shop-*", project: "nobodys")])
        let usage = try #require(try run("2019-03-eight-columns.csv", UsageDerivation(projectMap: map)).derivedUsage)
        #expect(usage.records.map { "\($0.record.lineNo) \($0.deployment)" } == ["1 acme-shop", "2 beta-blog", "4 acme-shop"])
        #expect(usage.unassigned.map { "\($0.lineNo): \($0.reason)" } == [
            "6: no project name, no --project-map rule for 'stray-1' and no --deployment",
        ])
        // The cost of every line the import placed is that deployment's (margin used to show it all unattributed),
        // usage or not: 3, a backup (no size, so no usage), goes with SHOP-WEB-* to acme-shop. Lines placed nowhere
        // stay unattributed: 5 (shop-* to a project no deployment owns), 6 (no rule), 7 (tax, no deployment's).
        let attributed = try ledger.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.line_no, d.code FROM cost_attribution a JOIN cloud_cost_lines l ON l.id = a.cost_line_id
                LEFT JOIN deployments d ON d.id = a.deployment_id ORDER BY l.line_no
                """).map { "\($0[0] as Int) \(($0[1] as String?) ?? "-")" }
        }
        #expect(attributed == ["1 acme-shop", "2 beta-blog", "3 acme-shop", "4 acme-shop", "5 -", "6 -", "7 -"])
        #expect(try run("2019-03-eight-columns.csv", UsageDerivation(projectMap: map)).changedLedger == false,
                "the same file again changes nothing, placements included")
        let mapped = try #require(try run("2019-04-eight-columns.csv", UsageDerivation(projectMap: ProjectMap(rules: [.init(pattern: "*", project: "nobodys")]),
                                                                                          deployment: "acme-shop")).derivedUsage)
        #expect(mapped.unassigned.map(\.reason) == ["the project map places 'shop-web-1' in project 'nobodys', which no deployment owns"],
                "a rule that matches wins over --deployment, even when its project has no owner")
    }

    @Test func aMatchedLineKeepsItsResource() throws {
        try ledger.writer.write { db in
            _ = try InventoryStore.reconcile(db, kind: .droplet, observed: [InventoryFixtures.droplet(7, name: "shop-web-1")],
                                             at: Timestamp(year: 2019, month: 1, day: 1))
        }
        let usage = try #require(try run("2019-04-eight-columns.csv", UsageDerivation(deployment: "acme-shop")).derivedUsage)
        #expect(usage.records.map(\.record.resourceID) == [1])
    }

    @Test func derivedUsageIsNeverSummedWithMeteredUsageUnlessAskedFor() throws {
        _ = try run("2019-04-eight-columns.csv", UsageDerivation(deployment: "acme-shop"))
        try ledger.writer.write { db in
            _ = try InventoryStore.reconcile(db, kind: .droplet, observed: [InventoryFixtures.droplet(7, name: "shop-web-1")],
                                             at: Timestamp(year: 2019, month: 1, day: 1))
            _ = try UsageRecordStore.Inserter(db, recordedAt: now).insert(
                deploymentID: shop, resourceID: 1, billingKind: .dropletHours,
                period: .init(start: Timestamp(year: 2019, month: 4, day: 1), granularity: .daily), quantity: UsageQuantity("24")!)
        }
        let april = (from: Timestamp(year: 2019, month: 4, day: 1), to: Timestamp(year: 2019, month: 5, day: 1))
        try ledger.writer.read { (db: Database) throws in
            #expect(try UsageRecordStore.usage(db, deploymentID: shop, from: april.from, to: april.to) == [.dropletHours: 24])
            #expect(try UsageRecordStore.usage(db, deploymentID: shop, from: april.from, to: april.to, sources: [.doInvoice]) == [.dropletHours: 720])
            #expect(try UsageRecordStore.usage(db, deploymentID: shop, from: april.from, to: april.to, sources: [.metered, .doInvoice])
                == [.dropletHours: 744])
            #expect(try UsageRecordStore.recordedGranularities(db, from: april.from, to: april.from + 86_400)
                == [.init(deploymentID: shop, resourceID: 1): [.daily]], "metering does not see a derived record as its own")
        }
        let export = try LedgerExport.export(ledger)
        #expect(export.first { $0.name == "usage.tsv" }?.content.components(separatedBy: "\n").count == 3, "header, the metered record, end")
        #expect(export.first { $0.name == "usage_by_month.tsv" }?.content.contains("\t24\n") == true)
    }

    @Test func reImportingDerivesNothingNewAndAChangedFileWithoutTheFlagDropsStaleRecords() throws {
        _ = try run("2019-03-eight-columns.csv", UsageDerivation(deployment: "acme-shop"))
        let records = try derived(), before = try InventoryFixtures.totalChanges(ledger)
        let again = try run("2019-03-eight-columns-shuffled.csv", UsageDerivation(deployment: "acme-shop"), at: now + 60)
        #expect(again.derivedUsage?.rewritten == false)
        #expect(!again.changedLedger)
        #expect(try derived() == records)
        #expect(try InventoryFixtures.totalChanges(ledger) == before)

        let changed = String(decoding: try InvoiceExportFixture.data("2019-03-eight-columns.csv"), as: UTF8.self)
            .replacingOccurrences(of: ",300,", with: ",301,")
        let report = try InvoiceImport(ledger: ledger, clock: .fixed(now + 120))
            .run([InvoiceExport(file: "2019-03.csv", data: Data(changed.utf8))])
        #expect(report.months[0].derivedRecordsRemoved == 4)
        #expect(try derived().isEmpty)
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cost_line_placements") } == 0,
                "the placements of lines that were replaced go with them")
    }

    /// An audit re-imported an unchanged export without the --project-map of its first import: the
    /// month said 'unchanged' while its usage lost four records and its costs their deployments.
    /// The same lines with other options are refused, unless asked to derive the month again.
    @Test func theSameLinesWithOtherOptionsAreRefusedUnlessRederived() throws {
        let map = ProjectMap(rules: [.init(pattern: "SHOP-WEB-*", project: "acme-shop"), .init(pattern: "shop-db-?", project: "beta-blog")])
        _ = try run("2019-03-eight-columns.csv", UsageDerivation(projectMap: map))
        let records = try derived(), before = try InventoryFixtures.totalChanges(ledger)
        #expect(throws: InvoiceImportError.derivationWouldChange(file: "2019-03-eight-columns.csv", period: BillingPeriod(year: 2019, month: 3)!,
                                                                 records: 3, wouldBe: 0)) {
            try run("2019-03-eight-columns.csv", UsageDerivation(), at: now + 60)
        }
        #expect(try derived() == records)
        #expect(try InventoryFixtures.totalChanges(ledger) == before)

        let export = InvoiceExport(file: "2019-03-eight-columns.csv", data: try InvoiceExportFixture.data("2019-03-eight-columns.csv"))
        let rederived = try InvoiceImport(ledger: ledger, clock: .fixed(now + 120))
            .run([export], options: .init(deriveUsage: UsageDerivation(deployment: "acme-shop"), rederive: true)).months[0]
        #expect(rederived.action == .unchanged && rederived.derivedUsage?.rewritten == true)
        #expect(rederived.derivedUsage?.records.map(\.deployment).allSatisfy { $0 == "acme-shop" } == true)
    }

    @Test func linesReplacedByTheInvoicesJobTakeTheirDerivedRecordsWithThem() throws {
        _ = try run("2019-04-eight-columns.csv", UsageDerivation(deployment: "acme-shop"))
        #expect(try derived().count == 1)
        let removed = try ledger.writer.write { db in
            let invoice = try #require(try InvoiceStore.fetch(db, uuid: "csv-2019-04"))
            let lines = try InvoiceCSV.parse(data: try InvoiceExportFixture.data("2019-03-eight-columns.csv"), source: "x")
            return try InvoiceLineSet.write(db, invoice: invoice, lines: lines, policy: .production).derivedRecordsRemoved
        }
        #expect(removed == 1)
        #expect(try derived().isEmpty)
    }

    @Test func anUnknownDeploymentIsRefusedBeforeAnythingIsWritten() throws {
        #expect(throws: InvoiceImportError.unknownDeployment(code: "nope", known: ["acme-shop", "beta-blog"])) {
            try run("2019-04-eight-columns.csv", UsageDerivation(deployment: "nope"))
        }
        #expect(try ledger.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_invoices") } == 0)
    }

    @Test(arguments: [("web-1-pre (syd1) 2.34GB", "2.34"), ("data (nyc1) 100GB", "100"), ("web-1 (Weekly Backup Services)", nil),
                      ("Spaces storage overage (above 250GB)", nil), ("x 1.2345678GB", nil)] as [(String, String?)])
    func theSizeIsTheDescriptionsTrailingGigabytes(_ description: String, _ size: String?) {
        #expect(UsageDerivation.gigabytes(in: description)?.canonical == size)
    }
}

@Suite struct ProjectMapTests {
    @Test(arguments: [("web-*", "web-1", true), ("web-*", "WEB-1", true), ("web-*", "api-web-1", false), ("*-db", "shop-db", true),
                      ("shop-?", "shop-1", true), ("shop-?", "shop-12", false), ("*", "", true), ("a*b*c", "aXbYbZc", true),
                      ("a*b*c", "aXbYbZ", false), ("exact", "exact", true)] as [(String, String, Bool)])
    func globs(_ pattern: String, _ name: String, _ matches: Bool) {
        #expect(ProjectMap.glob(pattern, matches: name) == matches)
    }

    @Test func theFirstMatchingRuleWins() {
        let map = ProjectMap(rules: [.init(pattern: "shop-db-*", project: "data"), .init(pattern: "shop-*", project: "shop")])
        #expect(map.project(forResourceNamed: "shop-db-1") == "data")
        #expect(map.project(forResourceNamed: "shop-web-1") == "shop")
        #expect(map.project(forResourceNamed: "blog") == nil)
    }
}
