import ArcadiaCore
import ArgumentParser
import Foundation
import GRDB
import MoneyAndTime
import Testing
import TestSupport
import Workbench
@testable import arcadia

/// `arcadia reprice`: the hand-checked report kept as a golden, the in-effect book reproducing
/// every shipped invoice, findings where the ledger disagrees, and a ledger file left untouched.
struct RepriceCommandTests {
    let root = RepoPaths.root()
    var candidate: String { root.appendingPathComponent("pricebooks/candidate-2027.yaml").path }
    var standard: String { root.appendingPathComponent("pricebooks/standard-2026.yaml").path }

    func scenario(_ name: String) -> String { root.appendingPathComponent("scenarios/\(name).yaml").path }

    @Test func theReportOfAShippedScenarioMatchesItsHandCheckedGolden() async throws {
        let text = try await RepriceCommand.report(db: nil, scenario: scenario("revenue-month-end"), pricebooks: [candidate, standard],
                                                   from: nil, to: nil, tenant: nil, format: .table)
        let golden = try String(contentsOf: root.appendingPathComponent("Tests/arcadiaTests/Goldens/reprice-revenue-month-end.txt"), encoding: .utf8)
        #expect(text == golden)
    }

    /// Every stored invoice of every shipped scenario that invoices is priced again, with the book
    /// that was in effect, to the cent: the rollup and reprice share their pricing.
    @Test(arguments: ["revenue-month-end", "revenue-price-change"])
    func theBookInEffectReproducesEveryStoredInvoice(_ name: String) async throws {
        let ledger = try await RepriceCommand.ledger(db: nil, scenario: scenario(name))
        let stored = try await ledger.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tenant_invoices WHERE status <> 'void'") ?? 0 }
        let books = try PriceBookStore(ledger: ledger).all().map(\.book)
        let report = try Repricer(ledger: ledger).reprice(.init(candidates: [books[0]]))
        let invoiced = report.rows.filter { $0.invoiced != nil }
        #expect(invoiced.count == stored && stored > 0)
        for row in invoiced {
            #expect(row.requoted == row.invoiced, "\(row.tenant) \(row.period)")
            #expect(row.finding == nil, "\(row.tenant) \(row.period)")
        }
    }

    @Test func aStoredInvoiceThatDiffersFromAFreshPricingIsAFinding() async throws {
        let ledger = try await RepriceCommand.ledger(db: nil, scenario: scenario("revenue-month-end"))
        try await ledger.writer.write { db in
            try db.execute(sql: """
                UPDATE tenant_invoices SET subtotal_cents = subtotal_cents + 100, total_cents = total_cents + 100
                WHERE tenant_id = (SELECT id FROM tenants WHERE code = 'acme')
                """)
        }
        let report = try Repricer(ledger: ledger).reprice(.init(candidates: [try PriceBookParser.load(path: candidate)], tenant: "acme"))
        #expect(report.rows.map(\.finding) == ["invoiced 155.07 but 'standard-2026', in effect then, prices it at 154.07 today"])
        #expect(report.rows.first?.delta(0) == Money(cents: -30), "the delta is against what was invoiced: 154.77 − 155.07")
    }

    @Test func aLedgerFileIsReadNeverWritten() async throws {
        let folder = try RepoPaths.temporaryDirectory()
        let path = folder.appendingPathComponent("ledger.sqlite").path
        let parsed = try ScenarioParser.load(path: scenario("revenue-price-change"))
        let played = try await Simulator(options: .init(ledgerPath: path)).run(parsed)
        try played.ledger.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let text = try await RepriceCommand.report(db: path, scenario: nil, pricebooks: [candidate], from: "2026-05", to: "2026-05", tenant: nil,
                                                   format: .csv)
        #expect(text.split(separator: "\n").count == 2, "the header and May")
        #expect(text.contains("acme,2026-05,49.26,4.93,54.19,standard-2026-05,54.19,,12.00,46.26,4.63,50.89,-3.30,-6.1%"), "\(text)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file is byte for byte as it was")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == listing, "no journal or other file left beside it")
    }

    @Test func badInputIsRefusedNamingTheOption() async throws {
        func refusal(db: String? = nil, scenario: String? = nil, books: [String], tenant: String? = nil, from: String? = nil,
                     to: String? = nil) async -> String? {
            do {
                _ = try await RepriceCommand.report(db: db, scenario: scenario, pricebooks: books, from: from, to: to, tenant: tenant, format: .table)
                return nil
            } catch let error as ValidationError {
                return error.message
            } catch let error as InputError {
                return error.description
            } catch {
                return "unexpected \(error)"
            }
        }
        #expect(await refusal(books: [candidate]) == "give exactly one of --db and --scenario")
        #expect(await refusal(scenario: scenario("revenue-month-end"), books: []) == "give one to five --pricebook files; got 0")
        #expect(await refusal(scenario: scenario("revenue-month-end"), books: Array(repeating: candidate, count: 6))
                == "give one to five --pricebook files; got 6")
        #expect(await refusal(db: candidate, books: [candidate]) == "--db: \(candidate) is not an arcadia ledger (no such file, or not one of ours)")
        #expect(await refusal(scenario: scenario("revenue-month-end"), books: [candidate], from: "2026-4")
                == "--from '2026-4' is not a month; write YYYY-MM, e.g. 2026-04")
        #expect(await refusal(scenario: scenario("revenue-month-end"), books: [candidate], tenant: "nope") == "--tenant: no tenant 'nope'")
        // Both accepted before, answering "0 tenant-months" and a report with a column twice.
        #expect(await refusal(scenario: scenario("revenue-month-end"), books: [candidate], from: "2026-06", to: "2026-03")
                == "--from 2026-06 is after --to 2026-03")
        #expect(await refusal(scenario: scenario("revenue-month-end"), books: [candidate, candidate])
                == "--pricebook: \(candidate) and \(candidate) are both named 'candidate-2027'; the report tells candidates apart by their books' names")
    }

    @Test func percentagesAreOneDecimalHalfUp() {
        #expect(RepriceReport.percentage(Money(cents: 70), of: Money(cents: 15_407)) == "+0.5%")
        #expect(RepriceReport.percentage(Money(cents: -330), of: Money(cents: 5_419)) == "-6.1%")
        #expect(RepriceReport.percentage(Money(cents: 0), of: Money(cents: 100)) == "0.0%")
        #expect(RepriceReport.percentage(Money(cents: 5), of: Money(cents: 1_000)) == "+0.5%", "0.5 % exactly")
        #expect(RepriceReport.percentage(Money(cents: 100), of: .zero) == nil)
        // Near 64 bits' limit the change times 1,000 does not fit in an Int: it traps no more.
        #expect(RepriceReport.percentage(Money(cents: .max), of: Money(cents: 1)) == "+922337203685477580700.0%")
        #expect(RepriceReport.percentage(Money(cents: -.max), of: Money(cents: .max)) == "-100.0%")
    }
}
