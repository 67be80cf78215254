import ArcadiaCore
import ArgumentParser
import DigitalOcean
import FakeDigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import ServedFakeTestSupport
import Testing
import TestSupport
import Workbench
import WorkbenchTestSupport
@testable import arcadia

@Suite(.timeLimit(.minutes(3))) struct SyncCommandTests {
    /// Recognisable, so any leak into text is found by a plain search.
    private let secret = "dop_v1_RECOGNISABLE_SECRET_0123456789abcdef"

    @Test func aMissingOrEmptyTokenVariableIsRefusedByItsName() throws {
        #expect(throws: ValidationError.self) { try SyncCommand.token(named: "ARCADIA_TOKEN", in: [:]) }
        #expect(throws: ValidationError.self) { try SyncCommand.token(named: "ARCADIA_TOKEN", in: ["ARCADIA_TOKEN": " \n"]) }
        #expect(try SyncCommand.token(named: "ARCADIA_TOKEN", in: ["ARCADIA_TOKEN": "abc\n"]) == "abc")
        do {
            _ = try SyncCommand.token(named: "ARCADIA_TOKEN", in: [:])
        } catch {
            #expect(String(describing: error).contains("ARCADIA_TOKEN"))
        }
    }

    @Test func theAPIMustBeAnHTTPURLWithAHost() throws {
        #expect(try SyncCommand.apiRoot("http://127.0.0.1:8080").port == 8080)
        for bad in ["127.0.0.1:8080", "ftp://example.com", "http://", "http://x/?a=1"] {
            #expect(throws: ValidationError.self, "\(bad)") { try SyncCommand.apiRoot(bad) }
        }
    }

    /// `sync --db` turned another application's SQLite file into a ledger (75 tables added, exit 0)
    /// and named no file in SQLite's errors; it refuses, naming the file, and touches nothing.
    @Test func aFileThatIsNotALedgerIsRefusedByNameAndLeftAlone() async throws {
        let directory = try RepoPaths.temporaryDirectory("sync-foreign")
        let foreign = directory.appendingPathComponent("app.db").path
        try await DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)") }
        let notes = directory.appendingPathComponent("notes.yaml").path
        try Data("a: b\n".utf8).write(to: URL(fileURLWithPath: notes))
        let newer = directory.appendingPathComponent("newer.sqlite").path
        try Ledger(path: newer).close()
        try await DatabaseQueue(path: newer).write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-next')") }
        let cases = [(foreign, "--db \(foreign): not an arcadia ledger (no ledger migrations in it); it was left untouched"),
                     (newer, "--db \(newer) was written by a newer arcadia (migrations this build does not know: v99-next); "
                        + "use that version or a later one (nothing was touched)"),
                     (notes, "--db \(notes): not an arcadia ledger (no ledger migrations in it); it was left untouched"),
                     (directory.path, "--db \(directory.path): it is a folder; name the ledger file"),
                     (directory.appendingPathComponent("no/x.sqlite").path,
                      "--db \(directory.appendingPathComponent("no/x.sqlite").path): there is no folder \(directory.appendingPathComponent("no").path) to create the ledger in")]
        for (path, message) in cases {
            let before = try? Data(contentsOf: URL(fileURLWithPath: path))
            do {
                _ = try await SyncCommand.sweep(api: URL(string: "http://127.0.0.1:9")!, token: "t", ledgerPath: path, clock: .fixed(Timestamp(seconds: 0)),
                                                sleeper: .immediate)
                Issue.record("synced into \(path)")
            } catch let error as InputError {
                #expect(error.description == message)
            }
            #expect((try? Data(contentsOf: URL(fileURLWithPath: path))) == before)
        }
    }

    @Test func syncsAServedScenarioIntoALedgerFileAndSummarisesIt() async throws {
        let scenario = try ScenarioFixtures.shipped("project-attribution")
        let fake = try ScenarioWorld.build(scenario)
        let path = try RepoPaths.temporaryDirectory().appendingPathComponent("sync.sqlite").path
        let (reports, summary) = try await withServedFake(fake) { root in
            let reports = try await SyncCommand.sweep(api: root, token: FakeDigitalOcean.defaultToken, ledgerPath: path,
                                                      clock: .fixed(scenario.clock.end), sleeper: .immediate)
            return (reports, SyncSummary.render(reports, api: root))
        }
        #expect(reports.map(\.job) == [.syncDroplets, .syncVolumes, .syncReservedIPs, .syncFirewalls, .syncLoadBalancers, .syncDomains, .syncSnapshots, .syncBackups, .syncProjects], "one sweep: every inventory worker, projects last")
        #expect(reports.allSatisfy { $0.complete && $0.failures.isEmpty })
        #expect(reports.contains { $0.listed > 0 })
        #expect(summary.contains("sync.droplets") && !summary.contains("FAILED"))
        #expect(try Ledger(path: path).rowCounts().contains { $0.table == "cloud_resources" && $0.rows > 0 })
    }

    @Test func theTokenAppearsInNoFailureSummaryOrLedgerWhenTheServerRefusesIt() async throws {
        let fake = try ScenarioWorld.build(try ScenarioFixtures.shipped("droplet-lifecycle"))
        let path = try RepoPaths.temporaryDirectory().appendingPathComponent("refused.sqlite").path
        let (reports, summary) = try await withServedFake(fake) { root in
            let reports = try await SyncCommand.sweep(api: root, token: secret, ledgerPath: path, clock: .fixed(fake.now), sleeper: .immediate)
            return (reports, SyncSummary.render(reports, api: root))
        }
        #expect(reports.allSatisfy { !$0.complete })
        #expect(summary.contains("401 unauthorized"))
        try expectNoSecret(in: reports, summary: summary, ledgerPath: path)
    }

    @Test func theTokenAppearsInNoFailureSummaryOrLedgerWhenNothingAnswers() async throws {
        let root = try #require(URL(string: "http://127.0.0.1:1"))
        let path = try RepoPaths.temporaryDirectory().appendingPathComponent("unreachable.sqlite").path
        let reports = try await SyncCommand.sweep(api: root, token: secret, ledgerPath: path, clock: .fixed(Timestamp(seconds: 0)),
                                                  sleeper: .immediate, policy: RetryPolicy(maxRetries: 1))
        let summary = SyncSummary.render(reports, api: root)
        #expect(reports.allSatisfy { !$0.complete })
        #expect(summary.contains("transport failed"))
        try expectNoSecret(in: reports, summary: summary, ledgerPath: path)
    }

    private func expectNoSecret(in reports: [SyncReport], summary: String, ledgerPath: String) throws {
        #expect(!summary.contains(secret))
        #expect(!String(reflecting: reports).contains(secret))
        let ledger = try LedgerExport.export(try Ledger(path: ledgerPath))
        #expect(ledger.first { $0.name == "sync_failures.tsv" }.map { $0.content.split(separator: "\n").count > 1 } == true)
        #expect(ledger.allSatisfy { !$0.content.contains(secret) })
    }
}
