import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import ServedFakeTestSupport
import Synchronization
import Testing
import Workbench
import WorkbenchTestSupport

/// The proof that HTTP changes nothing: a scenario's world served on a loopback port and
/// synced through the production transport (with retries) gives the same ledger, byte for byte, as
/// the same world at the same instant synced in process.
@Suite(.timeLimit(.minutes(2))) struct LoopbackEquivalenceTests {
    @Test(arguments: [
        ("droplet-lifecycle", "2026-04-02T12:00:00Z"),
        ("pagination", nil),
        ("project-attribution", nil),
        // The fault (503 on page 2, three times) is pending at this instant: retries must recover it.
        ("listing-faults", "2026-07-01T00:25:00Z"),
        // Snapshots of a destroyed droplet and of a volume; backups taken as the served clock passed them.
        ("snapshots", "2026-06-01T03:00:00Z"),
        ("backups-retention", "2026-06-10T00:00:00Z"),
    ] as [(String, String?)])
    func httpSyncEqualsInProcessSync(scenario name: String, at: String?) async throws {
        let scenario = try ScenarioFixtures.shipped(name)
        let instant = try at.map { try #require(Timestamp(iso8601: $0)) } ?? scenario.clock.end

        let servedWaits = WaitLog()
        let overHTTP = try await withServedFake(try ScenarioWorld.build(scenario, at: instant)) { root in
            try await Self.sweepTwice(transport: URLSessionTransport(baseURL: root, timeout: .seconds(60)), at: instant, waits: servedWaits)
        }
        let inProcessWaits = WaitLog()
        let inProcess = try await Self.sweepTwice(transport: try ScenarioWorld.build(scenario, at: instant).transport,
                                                  at: instant, waits: inProcessWaits)

        #expect(overHTTP == inProcess)
        #expect(servedWaits.all == inProcessWaits.all)
        let inventory = try #require(inProcess.first { $0.name == "inventory.tsv" })
        #expect(inventory.content.split(separator: "\n").count > 1, "the world is not empty")
        if name == "listing-faults" {
            #expect(inProcessWaits.all == [.seconds(1), .seconds(2)], "two pending 503s retried on godo's backoff")
        }
    }

    /// Two sweeps (the second sees an unchanged world) into a fresh in-memory ledger, exported.
    private static func sweepTwice(transport: any Transport, at instant: Timestamp, waits: WaitLog) async throws -> [LedgerFile] {
        let retrying = RetryingTransport(transport, sleeper: waits.sleeper)
        let ledger = try Ledger()
        let runner = JobRunner(client: DigitalOceanClient(transport: retrying, token: FakeDigitalOcean.defaultToken),
                               ledger: ledger, clock: .fixed(instant))
        for _ in 0..<2 {
            for report in try await runner.sweepInventory() {
                #expect(report.complete, "\(report.job.rawValue): \(report.failures)")
            }
        }
        return try LedgerExport.export(ledger)
    }
}

/// Records the waits a retrying transport asked for, without waiting.
final class WaitLog: Sendable {
    private let waits = Mutex<[Duration]>([])
    var all: [Duration] { waits.withLock { $0 } }
    var sleeper: Sleeper { Sleeper { [self] wait in waits.withLock { $0.append(wait) } } }
}
