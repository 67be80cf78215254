import ArgumentParser
import ArcadiaCore
import Foundation
import Workbench

/// `arcadia capture`: a tenant-month of a ledger as a scenario that reproduces its invoice
/// (`ScenarioCapture`), checked by playing it before anything is written.
struct CaptureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Write a scenario reproducing a tenant's invoice for a month, rebuilt from the ledger's resource events.",
        discussion: """
            The scenario holds the tenant, its deployments and subscriptions, the price book in effect (inline), a world and \
            timeline rebuilt from the resource events behind the month's usage, and an expect: block asserting the invoice. \
            It is played before it is written: if its invoice differs from the ledger's, nothing is written and the \
            differences are printed (exit 1). Works on a ledger from `arcadia run --db` and on one the service wrote.
            """
    )

    @Option(help: "The ledger file (read, never written).")
    var db: String

    @Option(help: "The tenant's code.")
    var tenant: String

    @Option(help: "The month, YYYY-MM.")
    var period: String

    @Option(help: "The scenario file to write: a new file (an existing one is never replaced). The scenario takes the file's name when it is one (lowercase letters, digits, '-'), else capture-<tenant>-<period>.")
    var out: String

    func run() async throws {
        guard let month = try RepriceCommand.month(period, "--period") else { return }
        do {
            let output = try NewFileOutput(target: out, option: "--out")
            let ledger = try await RepriceCommand.ledger(db: db, scenario: nil)
            let captured = try await ScenarioCapture.write(tenant: tenant, period: month, from: ledger, to: output)
            print("wrote \(out): \(captured.scenario.name), reproducing invoice #\(captured.invoice.id) "
                  + "(total \(captured.invoice.total.decimalString)) to the cent")
        } catch where error is ScenarioCapture.Refusal || error is OutputRefusal {
            FileHandle.standardError.write(Data("arcadia capture: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
