import ArgumentParser
import ArcadiaCore
import Foundation
import Workbench

/// `arcadia margin`: what DigitalOcean charged for each deployment against what its tenant was
/// invoiced, per month. Read-only, like reprice.
struct MarginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "margin",
        abstract: "DigitalOcean's cost of each deployment (or tenant, or cost kind) against its tenant's invoices, per month.",
        discussion: """
            Cost lines are attributed through the resource they matched and its project, or their own project_name, to the \
            deployment owning that project; cost no deployment owns is its own row. Revenue is tenant invoice subtotals \
            (tax excluded) of invoices that are not void. Reads --db (never changing the file) or plays --scenario in memory.
            """
    )

    @Option(help: "The ledger file (read, never written).")
    var db: String?

    @Option(help: "A scenario to play in memory instead of a ledger file.")
    var scenario: String?

    @Option(help: "The first month, YYYY-MM.")
    var from: String?

    @Option(help: "The last month, YYYY-MM.")
    var to: String?

    @Option(help: "tenant, deployment or kind.")
    var by: MarginQuery.Grouping = .deployment

    @Option(help: "table or csv.")
    var format: MarginFormat = .table

    @OptionGroup var allowPath: AllowPathOption

    func run() async throws {
        print(try await Self.report(db: db, scenario: scenario, from: from, to: to, by: by, format: format, confinement: allowPath.confinement),
              terminator: "")
    }

    static func report(db: String?, scenario: String?, from: String?, to: String?, by: MarginQuery.Grouping, format: MarginFormat,
                       confinement: FileConfinement = FileConfinement()) async throws -> String {
        guard (db == nil) != (scenario == nil) else { throw ValidationError("give exactly one of --db and --scenario") }
        let range = try RepriceCommand.months(from: from, to: to)
        let ledger = try await RepriceCommand.ledger(db: db, scenario: scenario, confinement: confinement)
        let query = MarginQuery(from: range.from, to: range.to, by: by)
        let rows = try await query.fetch(in: ledger)
        switch format {
        case .table: return try MarginRendering.table(rows, by: by)
        case .csv: return try MarginRendering.csv(rows, by: by)
        }
    }
}

extension MarginQuery.Grouping: ExpressibleByArgument {}

enum MarginFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv
}
