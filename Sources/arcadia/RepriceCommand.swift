import ArgumentParser
import ArcadiaCore
import Foundation
import Workbench

/// `arcadia reprice`: what tenants would have paid under candidate price books, month by month,
/// beside what they were invoiced. Never writes: a ledger file is read into memory first.
struct RepriceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprice",
        abstract: "Price a ledger's tenant-months again with candidate price books and compare with what was invoiced.",
        discussion: """
            Reads --db (never changing the file) or plays --scenario in memory, then prices every tenant-month (a non-void \
            invoice, or usage under a subscription) with each --pricebook (up to five) through the quote engine the rollup \
            uses. Deltas are against the invoiced total. A month whose stored invoice differs from the book that was in effect, \
            priced again, is listed as a finding. Exits 1 on bad input.
            """
    )

    @Option(help: "The ledger file to reprice (read, never written).")
    var db: String?

    @Option(help: "A scenario to play in memory and reprice instead of a ledger file.")
    var scenario: String?

    @Option(name: .customLong("pricebook"), help: "A candidate price book YAML file (repeat, up to five).")
    var pricebooks: [String] = []

    @Option(help: "The first month, YYYY-MM.")
    var from: String?

    @Option(help: "The last month, YYYY-MM.")
    var to: String?

    @Option(help: "Only this tenant's months.")
    var tenant: String?

    @Option(help: "table, csv or json.")
    var format: RepriceFormat = .table

    @OptionGroup var allowPath: AllowPathOption

    func run() async throws {
        print(try await Self.report(db: db, scenario: scenario, pricebooks: pricebooks, from: from, to: to, tenant: tenant, format: format,
                                    confinement: allowPath.confinement),
              terminator: "")
    }

    /// The command without printing: the report's text, or an error naming the problem.
    static func report(db: String?, scenario: String?, pricebooks: [String], from: String?, to: String?, tenant: String?,
                       format: RepriceFormat, confinement: FileConfinement = FileConfinement()) async throws -> String {
        guard (db == nil) != (scenario == nil) else { throw ValidationError("give exactly one of --db and --scenario") }
        guard (1...5).contains(pricebooks.count) else { throw ValidationError("give one to five --pricebook files; got \(pricebooks.count)") }
        let range = try months(from: from, to: to)
        var books: [PriceBook] = []
        for path in pricebooks {
            do {
                books.append(try PriceBookParser.load(path: path))
            } catch {
                throw InputError("--pricebook: \(error)")
            }
            if let earlier = books.dropLast().firstIndex(where: { $0.name == books.last!.name }) {
                throw InputError("--pricebook: \(pricebooks[earlier]) and \(path) are both named '\(books.last!.name)'; "
                                 + "the report tells candidates apart by their books' names")
            }
        }
        let ledger = try await Self.ledger(db: db, scenario: scenario, confinement: confinement)
        let request = Repricer.Request(candidates: books, from: range.from, to: range.to, tenant: tenant)
        let report: RepriceReport
        do {
            report = try Repricer(ledger: ledger).reprice(request)
        } catch let error as TenantInvoiceError {
            throw InputError("--tenant: \(error)")
        }
        switch format {
        case .table: return try RepriceRendering.table(report, books: books)
        case .csv: return try RepriceRendering.csv(report)
        case .json: return try RepriceRendering.json(report)
        }
    }

    /// The ledger to read: a file copied into memory, or a scenario played in memory.
    static func ledger(db: String?, scenario: String?, confinement: FileConfinement = FileConfinement()) async throws -> Ledger {
        if let db {
            do {
                return try Ledger.inMemoryCopy(ofFileAt: db)
            } catch let error as LedgerFileError {
                throw InputError("--db: \(error)")
            }
        }
        let parsed: Scenario
        do {
            parsed = try ScenarioParser.load(path: scenario!, confinement: confinement)
        } catch {
            throw InputError("--scenario: \(error)")
        }
        return try await Simulator().run(parsed).ledger
    }

    /// `--from` and `--to`, each optional, in order: a range that ends before it starts is refused
    /// rather than reported as a range with nothing in it.
    static func months(from: String?, to: String?) throws -> (from: BillingPeriod?, to: BillingPeriod?) {
        let range = (from: try month(from, "--from"), to: try month(to, "--to"))
        if let first = range.from, let last = range.to, last < first {
            throw ValidationError("--from \(first) is after --to \(last)")
        }
        return range
    }

    static func month(_ text: String?, _ option: String) throws -> BillingPeriod? {
        guard let text else { return nil }
        guard let period = BillingPeriod(text) else { throw ValidationError("\(option) '\(text)' is not a month; write YYYY-MM, e.g. 2026-04") }
        return period
    }
}

enum RepriceFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
