import ArgumentParser
import ArcadiaCore
import Foundation
import Workbench

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Simulate a generated droplet fleet at the production cadence and report throughput."
    )

    @Option(help: "Droplets in the fleet at the start.")
    var droplets = 1_000

    @Option(help: "Virtual days to simulate.")
    var days = 365

    @Option(help: "Lifecycle events per virtual day (resize, power off/on, destroy, create).")
    var churn = 10

    @Option(help: "Seed for the fleet and the fake provider.")
    var seed: UInt64 = 1

    @Flag(help: "Fire every worker at every tick (measures the unelided cost).")
    var noElide = false

    @Option(help: "Keep the ledger in this SQLite file (default: in memory).")
    var db: String?

    func run() async throws {
        let scenario = try FleetScenario.make(droplets: droplets, days: days, churnPerDay: churn, seed: seed)
        let output: LedgerOutput?
        do {
            output = try db.map { try LedgerOutput(target: $0) }
        } catch {
            print(String(describing: error))
            throw ExitCode(1)
        }
        let line = ProgressLine()
        let simulator = Simulator(options: .init(ledgerPath: try output?.prepare(), elideSettledRuns: !noElide) { done, days in
            line.show("virtual day \(done + 1) of \(days)")
        })
        let started = Stopwatch.seconds()
        let result = try await simulator.run(scenario)
        let seconds = Stopwatch.seconds() - started
        line.finish()
        let rows = try result.ledger.rowCounts().reduce(0) { $0 + $1.rows }
        try output?.commit(result.ledger)
        let s = result.summary
        print("""
            fleet:              \(droplets) droplets, \(days) virtual days, \(churn) events/day, seed \(seed)\(noElide ? ", no elision" : "")
            wall time:          \(String(format: "%.2f", seconds)) s
            virtual days/s:     \(String(format: "%.1f", Double(days) / seconds))
            timeline events:    \(s.timelineEvents)
            worker runs:        \(s.jobRuns) run, \(s.jobRunsElided) elided
            requests served:    \(s.requestsServed)
            ledger rows:        \(rows) (\(s.resourcesCreated) resources created, \(s.eventsWritten) events)
            """)
    }
}
