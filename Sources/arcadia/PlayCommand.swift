import ArgumentParser
import Foundation
import Workbench

/// `arcadia play`: one scenario, no goldens; what happened, printed (`ScenarioPlay`).
struct PlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play one scenario without goldens and print its tenant invoices, DO invoices with match rates, drift, and cost against revenue.",
        discussion: "For the quick what-if where a golden is not wanted yet. Exits 1 when the scenario is invalid or an expect: item fails."
    )

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: "Keep the run's SQLite ledger in this file (for `arcadia explain` and `arcadia capture`).")
    var db: String?

    @OptionGroup var allowPath: AllowPathOption

    func run() async throws {
        let parsed: Scenario
        do {
            parsed = try ScenarioParser.load(path: scenario, confinement: allowPath.confinement)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        let report = try await ScenarioPlay.play(parsed, ledgerPath: db)
        print(report.text, terminator: "")
        if !report.passed { throw ExitCode(1) }
    }
}
