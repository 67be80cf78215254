import Foundation
import Testing
import Workbench
import WorkbenchTestSupport

/// `jobs` and `shard` change how a run is spread, never what it reports.
@Suite struct ParallelRunTests {
    let fixture: MixedRunFixture

    init() throws { fixture = try MixedRunFixture() }

    func run(jobs: Int, shard: RunShard? = nil) async throws -> RunReport {
        let files = try ScenarioRunner.scenarioFiles(in: [fixture.scenarios])
        return await ScenarioRunner(options: .init(goldensRoot: fixture.goldens, jobs: jobs, shard: shard), stopwatch: { 7 })
            .run(files: files, checkOrphans: true)
    }

    @Test func aParallelRunReportsByteForByteWhatASerialRunDoes() async throws {
        let serial = try await run(jobs: 1)
        let parallel = try await run(jobs: 3)
        // The fixture's run has one of everything, so the equality below covers every kind of outcome.
        #expect(serial.outcomes.map { ($0.file as NSString).lastPathComponent }
            == ["broken.yaml", "drift-tags-reordered.yaml", "firewalls-copy.yaml", "firewalls.yaml", "listing-faults.yaml", "reserved-ips.yaml"])
        #expect(serial.outcomes.filter(\.passed).count == 2)
        #expect(serial.outcomes[2].failure == .duplicateName("firewalls", otherFiles: [fixture.scenarios + "/firewalls.yaml"]))
        #expect(serial.outcomes[3].failure == .duplicateName("firewalls", otherFiles: [fixture.scenarios + "/firewalls-copy.yaml"]))
        #expect(serial.orphanGoldens == ["retired"])
        #expect(ConsoleReport.render(serial).contains("FAIL  reserved-ips"))
        #expect(ConsoleReport.render(serial).contains("FAIL  firewalls (\(fixture.scenarios)/firewalls.yaml)\n      scenario name 'firewalls' is also declared by "),
                "each file of a name is named")
        #expect(ConsoleReport.render(parallel) == ConsoleReport.render(serial))
        #expect(JUnitBuilder.report(for: parallel).xml(includeTimings: false) == JUnitBuilder.report(for: serial).xml(includeTimings: false))
    }

    @Test func shardsSplitTheFilesAndTheirMergedJUnitIsTheWholeRun() async throws {
        let whole = try await run(jobs: 2)
        let first = try await run(jobs: 2, shard: RunShard(index: 1, count: 2))
        let second = try await run(jobs: 1, shard: RunShard(index: 2, count: 2))
        #expect(first.outcomes.map(\.file) + second.outcomes.map(\.file) == whole.outcomes.map(\.file))
        #expect(first.outcomes.count == 3 && second.outcomes.count == 3)
        #expect(first.orphanGoldens.isEmpty && second.orphanGoldens == ["retired"], "the last shard alone reports orphans")
        let merged = JUnitReport.merged([JUnitBuilder.report(for: first), JUnitBuilder.report(for: second)])
        #expect(merged.xml(includeTimings: false) == JUnitBuilder.report(for: whole).xml(includeTimings: false))
    }

    @Test func aNameDeclaredTwiceIsRefusedInEveryShardEvenWhenTheOtherFileIsInAnother() async throws {
        let second = try await run(jobs: 2, shard: RunShard(index: 2, count: 2))
        let duplicate = try #require(second.outcomes.first { $0.file.hasSuffix("/firewalls.yaml") })
        #expect(duplicate.failure == .duplicateName("firewalls", otherFiles: [fixture.scenarios + "/firewalls-copy.yaml"]))
    }
}

@Suite struct RunShardTests {
    @Test func shardsPartitionAnyNumberOfFilesIntoContiguousEvenSlices() throws {
        for total in [0, 1, 2, 5, 29] {
            for count in 1...6 {
                let slices = try (1...count).map { try RunShard(index: $0, count: count).positions(of: total) }
                #expect(slices.flatMap { Array($0) } == Array(0..<total), "\(total) files in \(count) shards")
                let sizes = slices.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 1)
            }
        }
    }

    @Test func aShardIsWrittenIOverNOneBased() throws {
        #expect(try RunShard(parsing: "2/3") == RunShard(index: 2, count: 3))
        for bad in ["0/2", "3/2", "1/0", "a/b", "1", "1/2/3", "-1/2", ""] {
            #expect(throws: RunShard.Invalid.self, "\(bad)") { try RunShard(parsing: bad) }
        }
    }
}
