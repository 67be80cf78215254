import ArcadiaCore
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing
import WorkbenchTestSupport
@testable import Workbench

/// A droplet listing that shifts between its pages is refused, recorded, and counts no miss.
@Suite struct ListingShiftSimulationTests {
    @Test func aDropletHiddenByAShiftIsNotMissedAndTheVanishedOneIsMissedNextTime() async throws {
        let start = Timestamp(year: 2026, month: 7, day: 1)
        let scenario = ScenarioFixtures.fleet(210, hours: 1, timeline: [
            // node-3 goes after page 1 of the 00:15 listing: node-201 moves onto page 1 and page 2 starts at node-202.
            TimelineEvent(at: start + 60, action: .fault(FaultSpec(path: "/v2/droplets", page: 1, then: .destroyDroplet(name: "node-3")))),
        ])
        let result = try await Simulator().run(scenario)
        let (missed, failures) = try result.ledger.writer.read { db in
            (try Row.fetchAll(db, sql: "SELECT name, missed_listings FROM cloud_resources WHERE missed_listings > 0 ORDER BY name"),
             try Row.fetchAll(db, sql: "SELECT at, worker, error FROM cloud_sync_failures"))
        }
        #expect(failures.count == 1)
        #expect(failures.first?["at"] == (start + 900).iso8601 && failures.first?["worker"] == "sync.droplets")
        #expect((failures.first?["error"] as String?) == "listing GET /v2/droplets is inconsistent: meta.total was 210 on page 1 but 209 on page 2")
        // Complete listings at 00:30 and 00:45 count node-3 twice; node-201 was never counted.
        #expect(missed.map { "\($0["name"] as String)=\($0["missed_listings"] as Int)" } == ["node-3=2"])
        #expect(result.summary.retries == 0, "an inconsistent listing is not a transport failure: it is not retried")
    }
}
