import ArcadiaCore
import DigitalOcean
import GRDB
import MoneyAndTime
import TestSupport
import Testing
import Workbench

/// The drift inbox over the drift-ignore-expiry scenario's ledger at its end (14:00): web-1's and
/// batch-1's tag drifts are open, canary-1's resize is ignored, batch-1's first finding closed.
@Suite(.timeLimit(.minutes(2))) struct DriftEndpointTests {
    static let end = Timestamp(year: 2026, month: 4, day: 1, hour: 14)

    @Test func theInboxListsOpenDriftsOnlyOldestFirst() async throws {
        let harness = try await ServiceHarness.make(scenario: "drift-ignore-expiry", at: Self.end)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let json = try await client.get("/api/v1/drift", token: admin).json
            #expect(json.items.map { $0["resource"]?["name"]?.string } == ["web-1", "batch-1"])
            let web = try #require(json.items.first)
            #expect(web["field"]?.string == "tags")
            #expect(web["desired"] == .array(["web"]))
            #expect(web["live"] == .array(["autoscaled", "web"]))
            #expect(web["status"]?.string == "open")
            #expect(web["opened_at"]?.string == "2026-04-01T03:20:00Z")
            #expect(web["closed_at"] == .null)
            #expect(web["spec_version"]?.int == 1)
            #expect(web["resource"]?["provider_id"]?.string == "404807825")
            #expect(json.items[1]["note"]?.string == "ignore rule 'batch-retag' expired at 2026-04-01T12:00:00Z")
            #expect(json["page"]?["total"]?.int == 2)
        }
    }

    @Test func acceptingMakesTheLiveValueDesiredAndEmptiesThatInboxEntry() async throws {
        let harness = try await ServiceHarness.make(scenario: "drift-ignore-expiry", at: Self.end)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let web = try #require(try await client.get("/api/v1/drift", token: admin).json.items.first)
            let id = try #require(web["id"]?.int)
            let accepted = try await client.post("/api/v1/drift/\(id)/accept", token: admin)
            #expect(accepted.status == .ok)
            let drift = try accepted.json
            #expect(drift["status"]?.string == "accepted")
            #expect(drift["closed_at"]?.string == "2026-04-01T14:00:00Z", "closed at the service clock's now")
            #expect(drift["spec_version"]?.int == 2)
            #expect(try await client.get("/api/v1/drift", token: admin).json.items.map { $0["resource"]?["name"]?.string } == ["batch-1"])

            let again = try await client.post("/api/v1/drift/\(id)/accept", token: admin)
            #expect(again.status == .conflict)
            #expect(try again.json["error"]?["message"]?.string == "drift #\(id) on tags is accepted, not open")
        }
        let spec = try await harness.ledger.writer.read { db in
            try String.fetchOne(db, sql: """
                SELECT s.spec FROM cloud_provisioned s JOIN cloud_resources r ON r.id = s.resource_id WHERE r.name = 'web-1'
                """)
        }
        #expect(spec?.contains(#""tags":["autoscaled","web"]"#) == true)
    }

    @Test func anIgnoredOrUnknownOrMalformedDriftIsRefused() async throws {
        let harness = try await ServiceHarness.make(scenario: "drift-ignore-expiry", at: Self.end)
        let admin = try await harness.adminToken
        let ignored = try await harness.ledger.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM cloud_drift WHERE status = 'ignored' AND closed_at IS NULL")
        }
        let open = try AuthTests.openDrifts(harness.ledger)
        try await harness.test { client async throws in
            let conflict = try await client.post("/api/v1/drift/\(try #require(ignored))/accept", token: admin)
            #expect(conflict.status == .conflict)
            #expect(try conflict.json["error"]?["message"]?.string?.contains("is ignored, not open") == true)
            let missing = try await client.post("/api/v1/drift/999/accept", token: admin)
            #expect(missing.status == .notFound)
            #expect(try missing.json["error"]?["message"]?.string == "no drift #999")
            for bad in ["abc", "0", "-1", "1.5", "99999999999999999999"] {
                let response = try await client.post("/api/v1/drift/\(bad)/accept", token: admin)
                #expect(response.status == .badRequest, "\(bad)")
                #expect(try response.json["error"]?["parameter"]?.string == "id")
            }
            #expect(try await client.get("/api/v1/drift/\(try #require(open.first))/accept", token: admin).status == .notFound,
                    "accepting is a POST only: a GET (a prefetching link) finds no route and changes nothing")
        }
        #expect(try AuthTests.openDrifts(harness.ledger) == open)
    }

    /// The same engine call as the scenario action: drift-resize-accept played without its
    /// `accept_drift` event, then accepted over HTTP at the instant the action would have run,
    /// leaves exactly the ledger of the shipped golden (spec v2, drift accepted at 11:00).
    @Test func acceptingOverHTTPLeavesTheLedgerTheScenarioActionLeaves() async throws {
        let acceptAt = Timestamp(year: 2026, month: 4, day: 1, hour: 11)
        let harness = try await ServiceHarness.make(scenario: "drift-resize-accept", at: acceptAt, variant: "no-accept") { scenario in
            scenario.timeline.removeAll { if case .acceptDrift = $0.action { true } else { false } }
        }
        let golden = GoldenStore(root: RepoPaths.root().appendingPathComponent("goldens").path)
        let before = golden.compare(scenario: "drift-resize-accept", files: try LedgerExport.export(harness.ledger))
        #expect(before.filter { !$0.passed }.map(\.file).sorted() == ["drift.tsv", "provisioned.tsv"], "without the accept the drift is still open")

        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let inbox = try await client.get("/api/v1/drift", token: admin).json
            let id = try #require(inbox.items.first?["id"]?.int)
            #expect(inbox.items.count == 1)
            #expect(try await client.post("/api/v1/drift/\(id)/accept", token: admin).status == .ok)
        }
        let after = golden.compare(scenario: "drift-resize-accept", files: try LedgerExport.export(harness.ledger))
        let failed = after.filter { !$0.passed }
        #expect(failed.isEmpty, "\(failed)")
    }
}
