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

    @Option(help: "Deployments of tenants (two per tenant) owning the fleet's projects, each subscribed to a plan of the standard book (0: no revenue side).")
    var deployments = 0

    @Option(help: "Metering granularity of droplet hours when --deployments is given (daily or hourly).")
    var granularity: MeteringGranularity = .daily

    @Option(help: "Droplets of the starting fleet with backups on from the first day, each on a daily or weekly plan drawn from the seed.")
    var backups = 0

    @Option(help: "Seed for the fleet and the fake provider.")
    var seed: UInt64 = 1

    @Flag(help: "Fire every worker at every tick (measures the unelided cost).")
    var noElide = false

    @Option(help: "Keep the ledger in this SQLite file (default: in memory).")
    var db: String?

    @Flag(help: "Measure arcadia reprice instead: a generated history of --tenants tenants over --months months, priced with --books candidates.")
    var reprice = false

    @Option(help: "Tenants in the reprice history.")
    var tenants = 1_000

    @Option(help: "Months in the reprice history.")
    var months = 12

    @Option(help: "Candidate books to reprice with (1 to 5).")
    var books = 5

    @Flag(help: "Print the figures as one JSON object (for a script tracking them over commits).")
    var json = false

    func run() async throws {
        if reprice { return try runReprice() }
        let revenue = deployments > 0
            ? FleetScenario.Revenue(deployments: deployments, granularity: granularity,
                                    book: PriceBookSpec(book: try PriceBookParser.load(path: Self.standardBook), source: Self.standardBook))
            : nil
        guard (0...droplets).contains(backups) else {
            throw ValidationError("--backups must be between 0 and --droplets (\(droplets)), got \(backups)")
        }
        let scenario = try FleetScenario.make(droplets: droplets, days: days, churnPerDay: churn, seed: seed, revenue: revenue, backups: backups)
        let output: LedgerOutput?
        do {
            output = try db.map { try LedgerOutput(target: $0) }
        } catch {
            print(String(describing: error))
            throw ExitCode(1)
        }
        let line = ProgressLine()
        let showsProgress = !json
        let simulator = Simulator(options: .init(ledgerPath: try output?.prepare(), elideSettledRuns: !noElide, progress: { done, days in
            if showsProgress { line.show("virtual day \(done + 1) of \(days)") }
        }, stopwatch: Stopwatch.seconds))
        let started = Stopwatch.seconds()
        let result: Simulator.Result, seconds: Double, usage: ProcessUsage, floor: SQLiteFloor
        do {
            result = try await simulator.run(scenario)
            seconds = Stopwatch.seconds() - started
            usage = ProcessUsage.now()
            line.finish()
            floor = try SQLiteFloor.measure(result.ledger, stopwatch: Stopwatch.seconds)
            try output?.commit(result.ledger)
        } catch {
            output?.discard()
            throw error
        }
        let figures = BenchFigures(fleet: .init(droplets: droplets, days: days, churn: churn, seed: seed, elided: !noElide,
                                                deployments: deployments, granularity: revenue.map { $0.granularity.rawValue }, backups: backups),
                                   wallSeconds: seconds, userSeconds: usage.userSeconds, peakRSSBytes: usage.peakRSSBytes,
                                   result: result, floor: floor)
        print(json ? try figures.json() : BenchRendering.text(figures, floor: floor))
    }

    static let standardBook = "pricebooks/standard-2026.yaml"

    /// Builds the history (untimed), then times one reprice of it with `books` candidates.
    private func runReprice() throws {
        let book = try PriceBookParser.load(path: Self.standardBook)
        let bench = RepriceBench(tenants: tenants, months: months, seed: seed)
        let built = Stopwatch.seconds()
        let ledger = try bench.history(book: book)
        let buildSeconds = Stopwatch.seconds() - built
        let candidates = RepriceBench.candidates(from: book, count: books)
        let started = Stopwatch.seconds()
        let report = try Repricer(ledger: ledger).reprice(.init(candidates: candidates))
        let seconds = Stopwatch.seconds() - started
        print("""
            history:            \(tenants) tenants, \(months) months, seed \(seed) (built in \(String(format: "%.2f", buildSeconds)) s)
            reprice:            \(report.rows.count) tenant-months × \(candidates.count) books in \(String(format: "%.2f", seconds)) s
            findings:           \(report.rows.filter { $0.finding != nil }.count)
            """)
    }
}

extension MeteringGranularity: ExpressibleByArgument {}
