import Foundation
import Testing
import TestSupport
import Workbench
import WorkbenchTestSupport

/// The golden workflow end to end, in a temporary folder: create, pass, break, diff, report.
@Suite struct ScenarioRunnerTests {
    let directory: URL
    let scenarioPath: String
    let goldens: String

    init() throws {
        directory = try RepoPaths.temporaryDirectory()
        let text = try String(contentsOfFile: ScenarioFixtures.shippedPath("droplet-lifecycle"), encoding: .utf8)
        scenarioPath = try ScenarioFixtures.write(text, to: directory, as: "droplet-lifecycle.yaml")
        goldens = directory.appendingPathComponent("goldens").path
    }

    func run(update: Bool = false, files: [String]? = nil, checkOrphans: Bool = false) async -> RunReport {
        await ScenarioRunner(options: .init(goldensRoot: goldens, updateGoldens: update)).run(files: files ?? [scenarioPath], checkOrphans: checkOrphans)
    }

    @Test func missingGoldensFailThenUpdateCreatesThemThenTheRunPasses() async throws {
        let first = await run()
        #expect(!first.passed)
        #expect(first.outcomes[0].comparisons.contains(.missingGolden(file: "inventory.tsv")))
        let update = await run(update: true)
        #expect(update.outcomes[0].updatedGoldens.sorted() == ["balance.tsv", "cost_lines.tsv", "deployments.tsv", "drift.tsv", "events.tsv",
                                                             "inventory.tsv", "invoices.tsv", "match_report.tsv", "projects.tsv",
                                                             "provisioned.tsv", "subscriptions.tsv", "sync_failures.tsv", "tenant_invoice_lines.tsv",
                                                             "tenant_invoices.tsv", "tenants.tsv", "usage.tsv", "usage_by_month.tsv"])
        let again = await run()
        #expect(again.passed)
        #expect(ConsoleReport.render(again).hasSuffix("1 passed, 0 failed\n"))
    }

    @Test func aChangedGoldenFailsWithAUnifiedDiffInTheConsoleAndTheJUnitFailure() async throws {
        _ = await run(update: true)
        let golden = directory.appendingPathComponent("goldens/droplet-lifecycle/inventory.tsv")
        let original = try String(contentsOf: golden, encoding: .utf8)
        try original.replacingOccurrences(of: "s-4vcpu-8gb", with: "s-2vcpu-4gb").write(to: golden, atomically: true, encoding: .utf8)
        let report = await run()
        #expect(!report.passed)
        guard case .mismatch(let mismatch)? = report.outcomes[0].comparisons.first(where: { !$0.passed }) else {
            Issue.record("expected a mismatch")
            return
        }
        let diff = mismatch.diff
        #expect(mismatch.file == "inventory.tsv")
        #expect(mismatch.cells.map(\.summary).contains { $0.hasSuffix("size_slug s-2vcpu-4gb → s-4vcpu-8gb") }, "\(mismatch.cells)")
        #expect(diff.hasPrefix("--- \(golden.path)\n"), "named as the run was given its goldens folder, here an absolute one")
        #expect(diff.contains("\n-droplet\tweb-1\t"))
        #expect(diff.contains("\n+droplet\tweb-1\t"))
        #expect(ConsoleReport.render(report).contains("inventory.tsv differs from its golden"))
        let junit = JUnitBuilder.report(for: report)
        #expect(junit.failureCount == 1)
        #expect(junit.xml().contains("s-4vcpu-8gb"))
        guard case .failed(let message, _)? = junit.suites[0].cases.first(where: { $0.name.contains("inventory") })?.outcome else {
            Issue.record("expected a failed inventory case")
            return
        }
        #expect(message.hasPrefix(mismatch.goldenPath + ":"), "the golden's path and line lead the message: \(message)")
    }

    @Test func anInvalidScenarioFailsWithItsLineAndColumnAndRunsNothing() async throws {
        let bad = try ScenarioFixtures.write("""
            scenario: broken
            seed: 1
            clock: {start: 2026-04-01T00:00:00Z, end: 2026-04-02T00:00:00Z}
            timeline:
              - at: 2026-04-01T01:00:00Z
                resize_droplet: {name: ghost, size: s-1vcpu-1gb}
            """, to: directory, as: "broken.yaml")
        let report = await run(files: [bad])
        guard case .invalid(let error)? = report.outcomes[0].failure else {
            Issue.record("expected an invalid scenario, got \(String(describing: report.outcomes[0].failure))")
            return
        }
        #expect(error.location.line == 6)
        #expect(error.description.hasPrefix(bad + ":6:"))
        #expect(report.outcomes[0].summary == nil)
        #expect(!FileManager.default.fileExists(atPath: goldens + "/broken"))
    }

    @Test func goldenFoldersThatNoScenarioProducesAreReported() async throws {
        _ = await run(update: true)
        try FileManager.default.createDirectory(atPath: goldens + "/retired-scenario", withIntermediateDirectories: true)
        let report = await run(checkOrphans: true)
        #expect(report.orphanGoldens == ["retired-scenario"])
        #expect(!report.passed)
        #expect(await run(checkOrphans: false).passed, "running one file says nothing about other scenarios' goldens")
    }

    @Test func junitIsIdenticalAcrossRunsApartFromTimings() async throws {
        _ = await run(update: true)
        let first = JUnitBuilder.report(for: await run()).xml(includeTimings: false)
        let second = JUnitBuilder.report(for: await run()).xml(includeTimings: false)
        #expect(first == second)
        #expect(first.contains("droplet-lifecycle"))
    }

    /// Two files of one name would share a golden folder. An audit saw an update let the first in
    /// order rewrite the folder the other file owned before the other was refused; now neither
    /// plays, so an update writes nothing.
    @Test func twoFilesWithOneScenarioNameAreBothRefusedAndNeitherUpdates() async throws {
        let copy = try ScenarioFixtures.write(try String(contentsOfFile: scenarioPath, encoding: .utf8)
            .replacingOccurrences(of: "seed: 7", with: "seed: 8"), to: directory, as: "copy.yaml")
        _ = await run(update: true)
        let inventory = directory.appendingPathComponent("goldens/droplet-lifecycle/inventory.tsv")
        let before = try Data(contentsOf: inventory)
        let report = await run(update: true, files: [copy, scenarioPath])
        #expect(report.outcomes.map(\.failure) == [.duplicateName("droplet-lifecycle", otherFiles: [scenarioPath]),
                                                    .duplicateName("droplet-lifecycle", otherFiles: [copy])])
        #expect(report.outcomes.allSatisfy { $0.updatedGoldens.isEmpty })
        #expect(try Data(contentsOf: inventory) == before)
        // The reports tell the two apart by their files.
        #expect(JUnitBuilder.report(for: report).suites.map(\.name) == ["droplet-lifecycle (\(copy))", "droplet-lifecycle (\(scenarioPath))"])
        #expect(HTMLReport.render(report).contains("<span class=\"verdict\">FAIL</span>droplet-lifecycle (\(copy))</h2>"))
    }

    /// A folder and one of its files again (as a CI script passing the changed files may): the
    /// file is one scenario, played once, not a name declared twice.
    @Test func aFileGivenTwiceIsPlayedOnce() throws {
        let folder = directory.path
        #expect(try ScenarioRunner.scenarioFiles(in: [folder, scenarioPath, folder + "/./droplet-lifecycle.yaml"]) == [scenarioPath])
    }

    /// An invalid file still owns the golden folder of the name it declares: that folder is not
    /// reported as belonging to no scenario (with the advice to delete it).
    @Test func anInvalidScenarioKeepsItsGoldenFolder() async throws {
        _ = await run(update: true)
        let text = try String(contentsOfFile: scenarioPath, encoding: .utf8)
        try text.replacingOccurrences(of: "seed: 7", with: "seed: \"7\"").write(toFile: scenarioPath, atomically: true, encoding: .utf8)
        let report = await run(checkOrphans: true)
        guard case .invalid? = report.outcomes[0].failure else { Issue.record("expected the file to be invalid"); return }
        #expect(report.orphanGoldens.isEmpty)
    }

    /// A scenario that stops while it plays (a size the fake does not know) keeps no ledger: the
    /// target is not created, and no scratch file is left beside it.
    @Test func aPlayThatFailsLeavesNothingAtItsLedgerTarget() async throws {
        let bad = try ScenarioFixtures.write("""
            scenario: bad-size
            seed: 1
            clock: {start: 2026-04-01T00:00:00Z, end: 2026-04-02T00:00:00Z}
            world:
              droplets:
                - {name: a, size: nope-size, region: syd1}
            """, to: directory, as: "bad-size.yaml")
        let folder = directory.appendingPathComponent("kept")
        let report = await ScenarioRunner(options: .init(goldensRoot: goldens, ledgerPath: folder.appendingPathComponent("bad.sqlite").path))
            .run(files: [bad], checkOrphans: false)
        #expect(report.outcomes[0].failure != nil)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).isEmpty)
    }
}
