import CoreTestSupport
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// `TenancyImport` on its own: what the ledger already holds decides what is written, and a
/// history that contradicts the ledger's is refused with nothing written.
@Suite struct TenancyImportTests {
    let ledger = try! Ledger()
    typealias Input = TenancyImportInput

    func time(_ text: String) -> Timestamp { RevenueFixtures.time(text) }

    var base: Input {
        Input(tenants: [.init(code: "acme", name: "Acme", country: "AU")],
              deployments: [.init(code: "acme-shop", tenant: "acme", name: "Shop", project: "acme-shop")],
              subscriptions: [.init(at: time("2026-01-01T00:00:00Z"), deployment: "acme-shop", change: .subscribe(plan: "starter", addons: []))],
              priceBooks: [.init(book: RevenueFixtures.standardBook(), source: "standard.yaml")])
    }

    func counts() throws -> [String] { try ledger.rowCounts().map { "\($0.table) \($0.rows)" } }

    @Test func aHistoryThatContradictsTheLedgersIsRefusedAndNothingIsWritten() throws {
        _ = try TenancyImport(ledger: ledger).run(base)
        var other = base
        other.tenants.append(.init(code: "beta", name: "Beta", country: "NZ"))
        other.subscriptions = [.init(at: time("2026-01-01T00:00:00Z"), deployment: "acme-shop", change: .subscribe(plan: "pro", addons: []))]
        let before = try counts()
        #expect(throws: TenancyImportError(item: .subscription(0), field: "deployment", message:
            "the ledger's subscriptions of deployment 'acme-shop' (starter from 2026-01-01T00:00:00Z) are not where this file's "
                + "(pro from 2026-01-01T00:00:00Z) were at any point; an import adds history, it does not rewrite it")) {
            try TenancyImport(ledger: ledger).run(other)
        }
        #expect(try counts() == before, "beta, written before the refusal, was rolled back")
    }

    @Test func eventsOfAnUnknownDeploymentAndImpossibleSequencesAreRefusedAtTheirEvent() throws {
        var unknown = base
        unknown.subscriptions.append(.init(at: time("2026-02-01T00:00:00Z"), deployment: "ghost", change: .end))
        #expect(throws: TenancyImportError(item: .subscription(1), field: "", message: "no deployment has code 'ghost'")) {
            try TenancyImport(ledger: ledger).run(unknown)
        }
        var twice = base
        twice.subscriptions.append(.init(at: time("2026-02-01T00:00:00Z"), deployment: "acme-shop", change: .subscribe(plan: "pro", addons: [])))
        #expect(throws: TenancyImportError.self) { try TenancyImport(ledger: ledger).run(twice) }
        #expect(try ledger.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM tenants") } == 0)
    }

    /// A code given twice in one file was reported as if the ledger held the first entry ("tenant
    /// 'hooli' is in the ledger with name …" of an empty ledger), or, given the same way twice,
    /// imported as "added hooli; already there: hooli".
    @Test func aCodeTheFileGivesTwiceIsTheFilesMistake() throws {
        var tenants = base
        tenants.tenants.append(.init(code: "acme", name: "Acme Again", country: "AU"))
        #expect(throws: TenancyImportError(item: .tenant(1), field: "code", message: "tenant 'acme' is also tenants[0]; give each tenant once")) {
            try TenancyImport(ledger: ledger).run(tenants)
        }
        var deployments = base
        deployments.deployments.append(deployments.deployments[0])
        #expect(throws: TenancyImportError(item: .deployment(1), field: "code", message:
            "deployment 'acme-shop' is also deployments[0]; give each deployment once")) {
            try TenancyImport(ledger: ledger).run(deployments)
        }
        #expect(try ledger.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM tenants") } == 0)
    }

    @Test func theSameInputTwiceIsAllUnchanged() throws {
        let first = try TenancyImport(ledger: ledger).run(base)
        #expect(first.subscriptionsAdded == ["acme-shop: starter from 2026-01-01T00:00:00Z"])
        let second = try TenancyImport(ledger: ledger).run(base)
        #expect(!second.changedLedger)
        #expect(second.priceBooksUnchanged == ["standard-2026 (effective 2026-01-01)"])
        #expect(second.deploymentsUnchanged == ["acme-shop"])
        #expect(second.subscriptionsUnchanged == 1)
    }
}
