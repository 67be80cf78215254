import DigitalOcean
import FakeDigitalOcean
import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// The one dispatch: every job of the table through `JobRunner`, and elision decided by `SettledRuns`.
@Suite struct JobRunnerTests {
    let now = Timestamp(year: 2026, month: 4, day: 1, hour: 10)
    let ledger = try! Ledger()
    let fake: FakeDigitalOcean

    init() throws {
        fake = FakeDigitalOcean(seed: 3, start: now)
        try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
    }

    var runner: JobRunner {
        JobRunner(client: DigitalOceanClient(transport: fake.transport, token: FakeDigitalOcean.defaultToken), ledger: ledger, clock: .fixed(now))
    }

    @Test func theTableNamesEveryJobOnceAndEndsItsInventoryWorkersWithTheProjectsPass() {
        #expect(JobTable.production.map(\.job).sorted() == JobID.allCases.sorted())
        #expect(JobTable.production.last { $0.job.isInventorySync }?.job == .syncProjects)
    }

    @Test func anInventorySweepRunsTheTablesInventoryWorkersInTableOrder() async throws {
        let reports = try await runner.sweepInventory()
        #expect(reports.map(\.job) == JobTable.production.map(\.job).filter(\.isInventorySync))
        #expect(reports.allSatisfy { $0.complete })
    }

    @Test func theSyncThatInventoriesAResourceRecordsTheSpecWaitingForIt() async throws {
        let id = String(try fake.dropletID(name: "web-1"))
        #expect(try runner.drift.provision(kind: .droplet, providerID: id, spec: ["size_slug": "s-1vcpu-1gb"]) == .pending)
        _ = try await runner.run(.syncDroplets)
        let recorded = try await ledger.writer.read { try String.fetchOne($0, sql: "SELECT recorded_at FROM cloud_provisioned") }
        #expect(recorded == now.iso8601)
    }

    @Test func aSettledWorkerIsSkippedUntilTheProviderMoves() async throws {
        var settled = SettledRuns()
        let v1 = ProviderVersion(edits: 0, revision: fake.revision)
        #expect(try await fire(&settled, .syncDroplets, provider: v1) != nil)
        #expect(try await fire(&settled, .syncDroplets, provider: v1) == nil, "same provider, settled ledger")
        #expect(try await fire(&settled, .syncDroplets, provider: ProviderVersion(edits: 1, revision: fake.revision)) != nil)
        #expect(try await fire(&settled, .syncDroplets, provider: nil) != nil, "a live API has no version: never skipped")
        #expect(try await fire(&settled, .costBalance, provider: v1) != nil)
        #expect(try await fire(&settled, .costBalance, provider: v1) != nil, "the balance moves with time alone")
    }

    /// The simulator's use of `SettledRuns`: nil when the firing is elided.
    private func fire(_ settled: inout SettledRuns, _ job: JobID, provider: ProviderVersion?) async throws -> JobOutcome? {
        if settled.elides(job, with: runner, provider: provider) { return nil }
        return try await settled.run(job, with: runner, provider: provider)
    }

    @Test func aSweepIsSkippedUntilWhatItReadsChanges() async throws {
        var settled = SettledRuns()
        #expect(try await fire(&settled, .driftSweep, provider: nil) != nil)
        #expect(try await fire(&settled, .driftSweep, provider: nil) == nil)
        _ = try await runner.run(.syncDroplets)
        #expect(try await fire(&settled, .driftSweep, provider: nil) != nil, "a resource was created")
    }
}
