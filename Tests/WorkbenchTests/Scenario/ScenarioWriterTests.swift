import ArcadiaCore
import DigitalOcean
import Foundation
import MoneyAndTime
import Testing
import TestSupport
import WorkbenchTestSupport
@testable import Workbench

/// The writer against the parser: whatever it writes reads back as the value it was given, and
/// the same value always gives the same bytes.
struct ScenarioWriterTests {
    static let shippedNames: [String] = {
        let folder = RepoPaths.root().appendingPathComponent("scenarios").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }()

    /// Written, read back as if it were the file it came from (so price book paths resolve alike).
    func reread(_ scenario: Scenario, file: String) throws -> (yaml: String, scenario: Scenario) {
        let yaml = ScenarioWriter.yaml(scenario)
        return (yaml, try ScenarioParser.parse(yaml: yaml, file: file))
    }

    @Test func everyShippedScenarioIsFound() {
        #expect(Self.shippedNames.count >= 29)
        #expect(Self.shippedNames.contains("revenue-price-change"))
    }

    @Test(arguments: shippedNames)
    func aShippedScenarioReadsBackEqualAndWritesTheSameBytesAgain(name: String) throws {
        let original = try ScenarioFixtures.shipped(name)
        let (yaml, reread) = try reread(original, file: ScenarioFixtures.shippedPath(name))
        #expect(reread.withoutLocations() == original.withoutLocations())
        #expect(ScenarioWriter.yaml(reread) == yaml)
        #expect(ScenarioWriter.yaml(original) == yaml)
    }

    @Test func aScenarioUsingEveryKeyAndActionReadsBackEqual() throws {
        let file = ScenarioFixtures.shippedPath("every-key")
        let original = try ScenarioParser.parse(yaml: ScenarioWriterFixtures.everything, file: file)
        let kinds = Set(original.timeline.map(\.action.kind))
        #expect(kinds == Set(ScenarioActionKind.allCases), "missing: \(Set(ScenarioActionKind.allCases).subtracting(kinds))")
        let (yaml, reread) = try reread(original, file: file)
        #expect(reread.withoutLocations() == original.withoutLocations())
        #expect(ScenarioWriter.yaml(reread) == yaml)
        #expect(yaml.contains("- {name: node-#, size: s-2vcpu-4gb, region: sgp1, project: side, tags: [fleet], count: 12}\n"))
        #expect(yaml.contains("description: |\n  Every key the format has.\n  Two lines, so the description is literal.\n"))
        #expect(yaml.contains("  - ../pricebooks/standard-2026.yaml\n"))
        #expect(yaml.contains("""
                  spec:
                    answer: "yes"
                    backups: false
                    limits: {cpu: 2, name: "null"}
                    port: "8080"
                    size_slug: s-1vcpu-1gb
                    tags: [web, 2]
                    vcpus: 1
                    weight: 1.5

            """))
    }

    @Test func theBenchFleetReadsBackEqual() throws {
        let fleet = try FleetScenario.make(droplets: 250, days: 3, churnPerDay: 40, seed: 11)
        let (yaml, reread) = try reread(fleet, file: "bench-fleet.yaml")
        #expect(reread.withoutLocations() == fleet)
        #expect(ScenarioWriter.yaml(reread) == yaml)
    }

    /// The canonical form, pinned: key order, omitted defaults, flow items, a folded description,
    /// a `count` run, quoting, and the timeline last.
    @Test func aSmallScenarioIsWrittenInTheCanonicalForm() throws {
        let start = Timestamp(year: 2026, month: 4, day: 1)
        var world = WorldSpec(projects: [ProjectSpec(name: "prod", environment: "Production", isDefault: true)])
        world.droplets = (1...3).map { DropletSpec(name: "web-\($0)", size: "s-1vcpu-1gb", region: "syd1", project: "prod") }
        world.droplets.append(DropletSpec(name: "db", size: "s-2vcpu-4gb", region: "syd1", tags: ["db", "8080"], status: .off))
        world.domains = [DomainSpec(name: "example.com", ttl: 1800)]
        let scenario = Scenario(
            name: "small", description: "Three web droplets and a database; the database is resized and a web droplet goes.\n",
            seed: 7, clock: ClockRange(start: start, end: start + 86_400), world: world,
            timeline: [
                TimelineEvent(at: start + 3_600, action: .resizeDroplet(name: "db", size: "s-4vcpu-8gb")),
                TimelineEvent(at: start + 7_200, action: .destroyDroplet(name: "web-2")),
                TimelineEvent(at: start + 7_200, action: .fault(FaultSpec(path: "/v2/droplets", status: 429, times: 2))),
            ])
        #expect(ScenarioWriter.yaml(scenario) == """
            scenario: small
            description: >
              Three web droplets and a database; the database is resized and a web droplet goes.
            seed: 7
            clock: {start: 2026-04-01T00:00:00Z, end: 2026-04-02T00:00:00Z}
            world:
              projects:
                - {name: prod, environment: Production, default: true}
              droplets:
                - {name: web-#, size: s-1vcpu-1gb, region: syd1, project: prod, count: 3}
                - {name: db, size: s-2vcpu-4gb, region: syd1, tags: [db, "8080"], status: off}
              domains:
                - {name: example.com}
            timeline:
              - at: 2026-04-01T01:00:00Z
                resize_droplet: {name: db, size: s-4vcpu-8gb}
              - at: 2026-04-01T02:00:00Z
                destroy_droplet: {name: web-2}
              - at: 2026-04-01T02:00:00Z
                fault: {path: /v2/droplets, status: 429, times: 2}

            """)
        #expect(try ScenarioParser.parse(yaml: ScenarioWriter.yaml(scenario), file: "small.yaml").withoutLocations() == scenario)
    }

    /// A mapping too wide for one line breaks into block style one level down, and no further.
    @Test func aTooWideItemBreaksIntoBlockStyle() throws {
        let rules = (0..<4).map { FirewallRuleSpec(protocolName: "tcp", ports: String(8000 + $0), addresses: ["10.0.0.0/8"]) }
        let start = Timestamp(year: 2026, month: 4, day: 1)
        let scenario = Scenario(name: "wide", seed: 1, clock: ClockRange(start: start, end: start + 60),
                                world: WorldSpec(firewalls: [FirewallSpec(name: "fw", tags: ["web"], inbound: rules)]))
        let yaml = ScenarioWriter.yaml(scenario)
        #expect(yaml.contains("""
              firewalls:
                - name: fw
                  tags: [web]
                  inbound:
                    - {protocol: tcp, ports: "8000", addresses: [10.0.0.0/8]}

            """))
        #expect(yaml.split(separator: "\n").allSatisfy { $0.count <= YAMLTree.lineWidth })
        #expect(try ScenarioParser.parse(yaml: yaml, file: "wide.yaml").withoutLocations() == scenario)
    }

    /// Written twice from separately built but equal values: no dictionary order leaks out.
    @Test func provisionSpecsAreWrittenWithSortedKeys() {
        let keys = ["zeta", "alpha", "mu", "beta", "omega", "kappa"]
        let spec = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, JSONValue.int(Int64($0))) })
        let yaml = ScenarioWriter.json(.object(spec)).flow
        #expect(yaml == "{alpha: 1, beta: 3, kappa: 5, mu: 2, omega: 4, zeta: 0}")
    }

    @Test func numberedRunsNeedTheParsersPaddingAndIdenticalTwins() {
        func run(_ droplets: [DropletSpec]) -> String? {
            ScenarioWriter.numberedRun(droplets, from: 0).map { "\($0.template) x\($0.count)" }
        }
        func droplets(_ names: [String]) -> [DropletSpec] {
            names.map { DropletSpec(name: $0, size: "s-1vcpu-1gb", region: "syd1") }
        }
        #expect(run(droplets(["n-1", "n-2"])) == "n-# x2")
        #expect(run(droplets((1...10).map { "n-\($0)" })) == "n-# x9")
        #expect(run(droplets((1...10).map { "v2-n\($0 < 10 ? "0" : "")\($0)" })) == "v2-n# x10")
        #expect(run(droplets(["n-01", "n-02"])) == nil)
        #expect(run(droplets(["n-1"])) == nil)
        #expect(run(droplets(["n-2", "n-3"])) == nil)
        #expect(run(droplets(["n#1", "n#2"])) == nil)
        var twins = droplets(["n-1", "n-2", "n-3"])
        twins[2].tags = ["odd"]
        #expect(run(twins) == "n-# x2")
    }

    /// Played by the simulator, a written scenario produces its original's goldens byte for byte
    /// (all of them: about twenty seconds, played in parallel).
    /// The written file sits in a folder laid out like the repository's, so that price book paths
    /// relative to it still resolve; its `pricebooks` links to the repository's, which the run is
    /// allowed to read (`--allow-path`).
    @Test(arguments: shippedNames)
    func aWrittenScenarioPlaysToItsOriginalsGoldens(name: String) async throws {
        let root = RepoPaths.root()
        let directory = try RepoPaths.temporaryDirectory("arcadia-written")
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("pricebooks"),
                                                   withDestinationURL: root.appendingPathComponent("pricebooks"))
        let scenarios = directory.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        let file = try ScenarioFixtures.write(ScenarioWriter.yaml(ScenarioFixtures.shipped(name)), to: scenarios, as: "\(name).yaml")
        let runner = ScenarioRunner(options: .init(goldensRoot: root.appendingPathComponent("goldens").path,
                                                   confinement: FileConfinement(allowedFolders: [root.appendingPathComponent("pricebooks").path])))
        let report = await runner.run(files: [file], checkOrphans: false)
        #expect(report.passed, "\(ConsoleReport.render(report))")
    }
}
