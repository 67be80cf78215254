import CoreTestSupport
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// The sweep and the inbox over a hand-fed inventory, one rule per test.
@Suite struct DriftEngineTests {
    let ledger = try! Ledger()
    let t0 = InventoryFixtures.t0

    func engine(at minutes: Int64) -> DriftEngine { DriftEngine(ledger: ledger, clock: .fixed(t0 + minutes * 60)) }

    func list(_ droplets: [ObservedResource], at minutes: Int64) throws {
        try ledger.writer.write { db in _ = try InventoryStore.reconcile(db, kind: .droplet, observed: droplets, at: t0 + minutes * 60) }
    }

    func drift() throws -> [String] {
        try ledger.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT field, status, desired, live, closed_at IS NOT NULL AS closed, ignore_rule, note FROM cloud_drift ORDER BY id")
                .map { row in
                    let live: String = row["live"] ?? "∅"
                    let closed = (row["closed"] as Bool) ? " closed" : ""
                    let rule = (row["ignore_rule"] as String?).map { " rule=\($0)" } ?? ""
                    let note = (row["note"] as String?).map { " (\($0))" } ?? ""
                    return "\(row["field"] as String) \(row["status"] as String) \(row["desired"] as String)→\(live)\(closed)\(rule)\(note)"
                }
        }
    }

    func spec() throws -> (String, Int)? {
        try ledger.writer.read { try Row.fetchOne($0, sql: "SELECT spec, spec_version FROM cloud_provisioned") }.map { ($0[0], $0[1]) }
    }

    func setUpDrifted() throws {
        try list([InventoryFixtures.droplet(1, name: "web-1", size: "s-1vcpu-1gb", tags: ["web"])], at: 0)
        _ = try engine(at: 0).recordSpec(kind: .droplet, providerID: "1",
                                         spec: ["size_slug": "s-1vcpu-1gb", "region": "syd1", "tags": .strings(["web"])])
        try list([InventoryFixtures.droplet(1, name: "web-1", size: "s-2vcpu-4gb", tags: ["web"])], at: 15)
    }

    @Test func recordingASpecVersionsItOnlyWhenItChanges() throws {
        try list([InventoryFixtures.droplet(1, name: "web-1")], at: 0)
        #expect(try engine(at: 0).recordSpec(kind: .droplet, providerID: "1", spec: ["region": "syd1"]) == 1)
        #expect(try engine(at: 1).recordSpec(kind: .droplet, providerID: "1", spec: ["region": "syd1"]) == 1)
        #expect(try engine(at: 2).recordSpec(kind: .droplet, providerID: "1", spec: ["region": "sgp1"]) == 2)
        #expect(try spec()! == (#"{"region":"sgp1"}"#, 2))
        #expect(throws: DriftError.unknownResource(kind: .droplet, providerID: "9")) {
            try engine(at: 3).recordSpec(kind: .droplet, providerID: "9", spec: [:])
        }
    }

    @Test func aMismatchOpensOneDriftOnThatFieldOnlyAndReDetectingWritesNothing() throws {
        try setUpDrifted()
        let first = try engine(at: 20).sweep()
        #expect(first.opened == 1)
        #expect(try drift() == [#"size_slug open "s-1vcpu-1gb"→"s-2vcpu-4gb""#])
        #expect(try InventoryFixtures.events(ledger, providerID: "1").last == "drift_detected size_slug s-1vcpu-1gb→s-2vcpu-4gb")
        let before = try InventoryFixtures.totalChanges(ledger)
        #expect(try engine(at: 80).sweep().isQuiet)
        #expect(try InventoryFixtures.totalChanges(ledger) == before)
    }

    @Test func aLiveValueThatMovesAgainUpdatesTheOpenDriftAndLogsIt() throws {
        try setUpDrifted()
        _ = try engine(at: 20).sweep()
        try list([InventoryFixtures.droplet(1, name: "web-1", size: "s-4vcpu-8gb", tags: ["web"])], at: 75)
        #expect(try engine(at: 80).sweep().updated == 1)
        #expect(try drift() == [#"size_slug open "s-1vcpu-1gb"→"s-4vcpu-8gb""#])
        #expect(try InventoryFixtures.events(ledger, providerID: "1").filter { $0.hasPrefix("drift_detected") }.count == 2)
    }

    @Test func aDriftFixedElsewhereClosesStale() throws {
        try setUpDrifted()
        _ = try engine(at: 20).sweep()
        try list([InventoryFixtures.droplet(1, name: "web-1", size: "s-1vcpu-1gb", tags: ["web"])], at: 75)
        #expect(try engine(at: 80).sweep().closedStale == 1)
        #expect(try drift() == [#"size_slug stale "s-1vcpu-1gb"→"s-2vcpu-4gb" closed (matches the spec again)"#])
    }

    @Test func aResourceThatGoesStaleClosesItsOpenDriftsStale() throws {
        try setUpDrifted()
        _ = try engine(at: 20).sweep()
        for minutes in [30, 45, 60] as [Int64] { try list([], at: minutes) }
        #expect(try engine(at: 80).sweep().closedStale == 1)
        #expect(try drift() == [#"size_slug stale "s-1vcpu-1gb"→"s-2vcpu-4gb" closed (resource went stale at 2026-04-01T01:00:00Z)"#])
    }

    @Test func acceptingMakesTheLiveValueDesiredAndTheNextSweepFindsNothing() throws {
        try setUpDrifted()
        _ = try engine(at: 20).sweep()
        let id = try engine(at: 30).accept(kind: .droplet, providerID: "1", field: "size_slug")
        #expect(try spec()! == (#"{"region":"syd1","size_slug":"s-2vcpu-4gb","tags":["web"]}"#, 2))
        #expect(try drift() == [#"size_slug accepted "s-1vcpu-1gb"→"s-2vcpu-4gb" closed"#])
        #expect(try engine(at: 80).sweep().isQuiet)
        #expect(throws: DriftError.notOpen(id: id, field: "size_slug", status: .accepted)) { try engine(at: 90).accept(driftID: id) }
        #expect(throws: DriftError.noOpenDrift(kind: .droplet, providerID: "1", field: "size_slug", latest: .accepted)) {
            try engine(at: 90).accept(kind: .droplet, providerID: "1", field: "size_slug")
        }
        #expect(throws: DriftError.noOpenDrift(kind: .droplet, providerID: "1", field: "region", latest: nil)) {
            try engine(at: 90).accept(kind: .droplet, providerID: "1", field: "region")
        }
        #expect(throws: DriftError.unknownDrift(id: 99)) { try engine(at: 90).accept(driftID: 99) }
    }

    @Test func revertIsAStatusOnlyAndTheSweepStillJudgesTheLiveValue() throws {
        try setUpDrifted()
        _ = try engine(at: 20).sweep()
        try engine(at: 30).revert(driftID: 1)
        #expect(try spec()!.1 == 1, "the spec is untouched")
        #expect(try engine(at: 80).sweep().opened == 1, "nothing was put back live, so it drifts again")
        #expect(try drift() == [#"size_slug reverted "s-1vcpu-1gb"→"s-2vcpu-4gb" closed"#,
                                #"size_slug open "s-1vcpu-1gb"→"s-2vcpu-4gb""#])
    }

    @Test func reorderedOrDuplicatedTagsAndNumbersAsTextAreNoDrift() throws {
        try list([InventoryFixtures.droplet(1, name: "web-1", tags: ["web", "edge"])], at: 0)
        _ = try engine(at: 0).recordSpec(kind: .droplet, providerID: "1",
                                         spec: ["tags": .strings(["edge", "web", "web"]), "vcpus": "1", "status": "active"])
        #expect(try engine(at: 20).sweep().isQuiet)
        #expect(try drift().isEmpty)
    }

    @Test func aFieldTheResourceLacksDriftsWithNoLiveValue() throws {
        try list([InventoryFixtures.droplet(1, name: "web-1")], at: 0)
        _ = try engine(at: 0).recordSpec(kind: .droplet, providerID: "1", spec: ["backups": true, "monitoring": .null])
        _ = try engine(at: 20).sweep()
        #expect(try drift() == ["backups open true→∅"], "null desired equals absent; true does not")
        try engine(at: 30).accept(kind: .droplet, providerID: "1", field: "backups")
        #expect(try spec()! == (#"{"monitoring":null}"#, 2), "accepting an absent value drops the field from the spec")
    }

    @Test func anIgnoredFieldIsAFindingUntilItsRuleExpiresThenADrift() throws {
        try setUpDrifted()
        let rule = IgnoreRule(id: "resize-window", nameGlob: "web-*", field: "size_slug", reason: "resize test",
                              expires: t0 + 90 * 60)
        let first = try engine(at: 20).sweep(rules: [rule])
        #expect(first.ignored == 1 && first.opened == 0 && first.eventsWritten == 0)
        #expect(try engine(at: 80).sweep(rules: [rule]).isQuiet)
        let expired = try engine(at: 140).sweep(rules: [rule])
        #expect(expired.ignoresEnded == 1 && expired.opened == 1)
        let why = "ignore rule 'resize-window' expired at 2026-04-01T01:30:00Z"
        #expect(try drift() == [#"size_slug ignored "s-1vcpu-1gb"→"s-2vcpu-4gb" closed rule=resize-window (\#(why))"#,
                                #"size_slug open "s-1vcpu-1gb"→"s-2vcpu-4gb" (\#(why))"#])
    }

    @Test func aRuleOnlyCoversWhatItsSelectorMatches() throws {
        try setUpDrifted()
        let later = t0 + 86_400
        let rules = [
            IgnoreRule(id: "other-name", nameGlob: "db-*", field: "size_slug", reason: "x", expires: later),
            IgnoreRule(id: "other-kind", kind: .dnsZone, field: "size_slug", reason: "x", expires: later),
            IgnoreRule(id: "other-tag", tag: "canary", field: "size_slug", reason: "x", expires: later),
            IgnoreRule(id: "other-field", nameGlob: "*", field: "region", reason: "x", expires: later),
        ]
        #expect(try engine(at: 20).sweep(rules: rules).opened == 1)
        let byTag = IgnoreRule(id: "web-tag", kind: .droplet, tag: "web", field: "size_slug", reason: "x", expires: later)
        try ledger.writer.write { try $0.execute(sql: "DELETE FROM cloud_drift") }
        #expect(try engine(at: 80).sweep(rules: [byTag]).ignored == 1)
    }

    @Test func aRuleThatExpiredBeforeTheMismatchSaysSoOnTheDrift() throws {
        try setUpDrifted()
        let rule = IgnoreRule(id: "old", nameGlob: "web-1", field: "size_slug", reason: "x", expires: t0)
        _ = try engine(at: 20).sweep(rules: [rule])
        #expect(try drift() == [#"size_slug open "s-1vcpu-1gb"→"s-2vcpu-4gb" (ignore rule 'old' expired at 2026-04-01T00:00:00Z)"#])
    }
}
