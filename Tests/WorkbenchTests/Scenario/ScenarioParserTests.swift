import DigitalOcean
import Foundation
import MoneyAndTime
import Testing
@testable import Workbench

/// The parser's half of the format: shape, types and value rules, each error at its node's
/// 1-based line and column. Cross-reference rules are in `ScenarioValidatorTests`.
struct ScenarioParserTests {
    static let lifecycle = """
        scenario: droplet-lifecycle
        description: a droplet is created, resized, then destroyed and goes stale
        seed: 7
        clock: {start: 2026-04-01T00:00:00Z, end: 2026-04-03T00:00:00Z}
        world:
          projects:
            - {name: pilot-prod, description: Pilot production, environment: Production, default: true}
            - name: pilot-stage
              environment: Staging
          droplets:
            - {name: web-1, size: s-2vcpu-4gb, region: syd1, project: pilot-prod, tags: [web, edge], created_at: 2026-03-01}
            - name: db-1
              size: s-1vcpu-1gb
              region: syd1
              status: off
          domains:
            - {name: example.com, project: pilot-prod, ttl: 3600}
        timeline:
          - at: 2026-04-02T12:00:00Z
            destroy_droplet: {name: web-2}
          - at: 2026-04-01T10:07:00Z
            resize_droplet: {name: web-1, size: s-4vcpu-8gb}
          - at: 2026-04-01T09:00:00Z
            create_project: {name: pilot-dev, description: scratch, environment: Development}
          - at: 2026-04-01T09:00:00Z
            create_droplet: {name: web-2, size: s-1vcpu-2gb, region: syd1, project: pilot-dev, tags: [web], status: off}
          - at: 2026-04-01T11:00:00Z
            power_on_droplet: {name: web-2}
          - at: 2026-04-01T11:30:00Z
            power_off_droplet: {name: web-1}
          - at: 2026-04-01T12:00:00Z
            rename_droplet: {name: db-1, to: db-main}
          - at: 2026-04-01T12:00:00Z
            tag_droplet: {name: db-main, tags: [db, backup]}
          - at: 2026-04-01T13:00:00Z
            create_domain: {name: example.org}
          - at: 2026-04-01T14:00:00Z
            move_to_project: {domain: example.org, project: pilot-stage}
          - at: 2026-04-01T14:00:00Z
            move_to_project: {droplet: db-main, project: pilot-stage}
          - at: 2026-04-01T15:00:00Z
            fault: {path: /v2/droplets, page: 2, status: 503, times: 3}
          - at: 2026-04-01T16:00:00Z
            fault: {path: /v2/domains}
          - at: 2026-04-02T13:00:00Z
            delete_domain: {name: example.com}

        """

    @Test func parsesEveryFieldIntoTheModel() throws {
        let file = "scenarios/droplet-lifecycle.yaml"
        func at(_ line: Int, _ column: Int) -> ScenarioLocation { ScenarioLocation(file: file, line: line, column: column) }
        func time(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }
        let expected = Scenario(
            name: "droplet-lifecycle",
            description: "a droplet is created, resized, then destroyed and goes stale",
            seed: 7,
            clock: ClockRange(start: time("2026-04-01T00:00:00Z"), end: time("2026-04-03T00:00:00Z")),
            world: WorldSpec(
                projects: [
                    ProjectSpec(name: "pilot-prod", description: "Pilot production", environment: "Production",
                                isDefault: true, location: at(7, 7)),
                    ProjectSpec(name: "pilot-stage", environment: "Staging", location: at(8, 7)),
                ],
                droplets: [
                    DropletSpec(name: "web-1", size: "s-2vcpu-4gb", region: "syd1", project: "pilot-prod",
                                tags: ["web", "edge"], createdAt: time("2026-03-01"), location: at(11, 7)),
                    DropletSpec(name: "db-1", size: "s-1vcpu-1gb", region: "syd1", status: .off, location: at(12, 7)),
                ],
                domains: [DomainSpec(name: "example.com", project: "pilot-prod", ttl: 3600, location: at(17, 7))]),
            timeline: [
                TimelineEvent(at: time("2026-04-01T09:00:00Z"), action: .createProject(ProjectSpec(
                    name: "pilot-dev", description: "scratch", environment: "Development", location: at(24, 21))),
                    location: at(23, 5), fileIndex: 2),
                TimelineEvent(at: time("2026-04-01T09:00:00Z"), action: .createDroplet(DropletSpec(
                    name: "web-2", size: "s-1vcpu-2gb", region: "syd1", project: "pilot-dev", tags: ["web"],
                    status: .off, location: at(26, 21))),
                    location: at(25, 5), fileIndex: 3),
                TimelineEvent(at: time("2026-04-01T10:07:00Z"), action: .resizeDroplet(name: "web-1", size: "s-4vcpu-8gb"),
                              location: at(21, 5), fileIndex: 1),
                TimelineEvent(at: time("2026-04-01T11:00:00Z"), action: .powerOnDroplet(name: "web-2"), location: at(27, 5), fileIndex: 4),
                TimelineEvent(at: time("2026-04-01T11:30:00Z"), action: .powerOffDroplet(name: "web-1"), location: at(29, 5), fileIndex: 5),
                TimelineEvent(at: time("2026-04-01T12:00:00Z"), action: .renameDroplet(name: "db-1", to: "db-main"),
                              location: at(31, 5), fileIndex: 6),
                TimelineEvent(at: time("2026-04-01T12:00:00Z"), action: .tagDroplet(name: "db-main", tags: ["db", "backup"]),
                              location: at(33, 5), fileIndex: 7),
                TimelineEvent(at: time("2026-04-01T13:00:00Z"), action: .createDomain(DomainSpec(
                    name: "example.org", location: at(36, 20))),
                    location: at(35, 5), fileIndex: 8),
                TimelineEvent(at: time("2026-04-01T14:00:00Z"),
                              action: .moveToProject(resource: .domain("example.org"), project: "pilot-stage"),
                              location: at(37, 5), fileIndex: 9),
                TimelineEvent(at: time("2026-04-01T14:00:00Z"),
                              action: .moveToProject(resource: .droplet("db-main"), project: "pilot-stage"),
                              location: at(39, 5), fileIndex: 10),
                TimelineEvent(at: time("2026-04-01T15:00:00Z"),
                              action: .fault(FaultSpec(path: "/v2/droplets", page: 2, status: 503, times: 3)),
                              location: at(41, 5), fileIndex: 11),
                TimelineEvent(at: time("2026-04-01T16:00:00Z"), action: .fault(FaultSpec(path: "/v2/domains")),
                              location: at(43, 5), fileIndex: 12),
                TimelineEvent(at: time("2026-04-02T12:00:00Z"), action: .destroyDroplet(name: "web-2"), location: at(19, 5), fileIndex: 0),
                TimelineEvent(at: time("2026-04-02T13:00:00Z"), action: .deleteDomain(name: "example.com"),
                              location: at(45, 5), fileIndex: 13),
            ],
            file: file)

        let parsed = try ScenarioParser.parse(yaml: Self.lifecycle, file: file)

        #expect(parsed == expected)
    }

    @Test func minimalScenarioTakesEveryDefault() throws {
        let parsed = try ScenarioParser.parse(yaml: """
            scenario: empty
            seed: 0
            clock: {start: 2026-04-01, end: 2026-05-01}
            """, file: "empty.yaml")

        #expect(parsed == Scenario(name: "empty", seed: 0,
                                   clock: ClockRange(start: Timestamp(year: 2026, month: 4, day: 1),
                                                     end: Timestamp(year: 2026, month: 5, day: 1)),
                                   file: "empty.yaml"))
    }

    @Test func aCountDeclaresNumberedDropletsPaddedToTheCountsWidth() throws {
        let parsed = try ScenarioParser.parse(yaml: Self.header + """
            world:
              droplets:
                - {name: node-#, count: 120, size: s-1vcpu-1gb, region: syd1, tags: [fleet]}
                - {name: solo, size: s-1vcpu-1gb, region: syd1}
            """, file: "fleet.yaml")
        #expect(parsed.world.droplets.count == 121)
        #expect(parsed.world.droplets.prefix(2).map(\.name) == ["node-001", "node-002"])
        #expect(parsed.world.droplets[119].name == "node-120")
        #expect(parsed.world.droplets[119].tags == ["fleet"])
        #expect(parsed.world.droplets[120].name == "solo")
    }

    @Test func aCountNeedsAPlaceholderAndAPlaceholderNeedsACount() {
        for (yaml, message) in [
            ("{name: node, count: 3, size: s, region: r}", "with 'count', the name must contain '#' so each droplet gets its own name"),
            ("{name: node-#, size: s, region: r}", "'#' in a name needs a 'count' to number the droplets"),
        ] {
            #expect(throws: ScenarioError.self) {
                try ScenarioParser.parse(yaml: Self.header + "world:\n  droplets:\n    - \(yaml)\n", file: "x.yaml")
            }
            do {
                _ = try ScenarioParser.parse(yaml: Self.header + "world:\n  droplets:\n    - \(yaml)\n", file: "x.yaml")
            } catch {
                #expect(error.message == message)
                #expect(error.field == "world.droplets[0].name")
                #expect(error.location.line == 6)
            }
        }
    }

    @Test func timelineIsSortedByTimeWithTiesInFileOrder() throws {
        let parsed = try ScenarioParser.parse(yaml: """
            scenario: order
            seed: 1
            clock: {start: 2026-04-01, end: 2026-05-01}
            timeline:
              - {at: 2026-04-03, fault: {path: /v2/c}}
              - {at: 2026-04-02, fault: {path: /v2/a}}
              - {at: 2026-04-03, fault: {path: /v2/d}}
              - {at: 2026-04-02, fault: {path: /v2/b}}
              - {at: 2026-04-01, fault: {path: /v2/first}}
              - {at: 2026-04-03, fault: {path: /v2/e}}
            """, file: "order.yaml")

        let paths = parsed.timeline.map { event -> String in
            guard case .fault(let fault) = event.action else { return "" }
            return fault.path
        }
        #expect(paths == ["/v2/first", "/v2/a", "/v2/b", "/v2/c", "/v2/d", "/v2/e"])
    }

    @Test func quotedTimesAndPlusZeroOffsetsAreAccepted() throws {
        let parsed = try ScenarioParser.parse(yaml: """
            scenario: times
            seed: 1
            clock: {start: "2026-04-01T00:00:00Z", end: 2026-05-01T00:00:00+00:00}
            """, file: "times.yaml")

        #expect(parsed.clock == ClockRange(start: Timestamp(year: 2026, month: 4, day: 1),
                                           end: Timestamp(year: 2026, month: 5, day: 1)))
    }

    @Test func errorDescriptionIsFileLineColumnFieldMessage() {
        let error = ScenarioError(location: ScenarioLocation(file: "scenarios/x.yaml", line: 12, column: 7),
                                  field: "timeline[2].resize_droplet.size", message: "expected a string, found a list")

        #expect(error.description == "scenarios/x.yaml:12:7: timeline[2].resize_droplet.size: expected a string, found a list")
    }

    @Test func errorDescriptionWithoutAFieldLeavesItOut() {
        let error = ScenarioError(location: ScenarioLocation(file: "x.yaml", line: 0, column: 0), field: "",
                                  message: "no such file")

        #expect(error.description == "x.yaml:0:0: no such file")
    }

    @Test func parseErrorDescriptionNamesTheFile() {
        let error = Self.parseError(Self.header + "seed2: 1\n", file: "scenarios/bad.yaml")

        #expect(error?.description == "scenarios/bad.yaml:4:1: seed2: unknown key 'seed2' (did you mean 'seed'?); "
            + "allowed keys: scenario, description, seed, clock, world, account, timeline, drift_ignore, tenants, deployments, metering, pricebooks, expect")
    }

    // MARK: Loading files

    @Test func loadReadsAFileAndKeepsItsPath() throws {
        let path = NSTemporaryDirectory() + "scenario-parser-load-\(ProcessInfo.processInfo.processIdentifier).yaml"
        try Self.lifecycle.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let scenario = try ScenarioParser.load(path: path)

        #expect(scenario.name == "droplet-lifecycle")
        #expect(scenario.file == path)
        #expect(scenario.world.droplets.first?.location == ScenarioLocation(file: path, line: 11, column: 7))
    }

    @Test func loadingAMissingFileNamesIt() {
        #expect(throws: ScenarioError(location: ScenarioLocation(file: "scenarios/nope.yaml", line: 0, column: 0),
                                      field: "", message: "no such file")) {
            try ScenarioParser.load(path: "scenarios/nope.yaml")
        }
    }

    // MARK: YAML syntax

    @Test(arguments: [
        ErrorCase("unclosed flow sequence", "scenario: t\ntags: [a, b\n", 3, 1, "",
                  "invalid YAML: while parsing a flow sequence at line 2, column 7: did not find expected ',' or ']'"),
        ErrorCase("bad indentation", "scenario: t\nseed: 1\n  clock: x\n", 3, 8, "",
                  "invalid YAML: mapping values are not allowed in this context"),
        ErrorCase("duplicate key", "scenario: t\nseed: 1\nseed: 2\n", 2, 1, "",
                  "duplicate key 'seed': a key may appear only once in a mapping"),
        ErrorCase("control character", "scenario: t\nseed: \u{7}\n", 2, 7, "",
                  "invalid YAML: control characters are not allowed"),
        ErrorCase("two documents", "scenario: t\n---\nscenario: u\n", 2, 1, "",
                  "invalid YAML: expected a single document in the stream at line 1, column 1: but found another document"),
        ErrorCase("no document", "# only a comment\n", 1, 1, "",
                  "the file has no YAML document; a scenario needs at least scenario, seed and clock"),
    ])
    func yamlSyntaxErrorsKeepYamsLocation(_ error: ErrorCase) {
        error.check()
    }

    // MARK: Shape, types and values

    static let header = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-05-01}\n"

    @Test(arguments: [
        ErrorCase("top level is not a mapping", "- scenario: t\n", 1, 1, "", "expected a mapping, found a list"),
        ErrorCase("unknown top-level key", header + "timline: []\n", 4, 1, "timline",
                  "unknown key 'timline' (did you mean 'timeline'?); allowed keys: scenario, description, seed, clock, world, account, timeline, drift_ignore, tenants, deployments, metering, pricebooks, expect"),
        ErrorCase("missing required top-level key", "scenario: t\nclock: {start: 2026-04-01, end: 2026-05-01}\n", 1, 1,
                  "seed", "missing required key 'seed'"),
        ErrorCase("scenario name not a slug", "scenario: Droplet_Lifecycle\nseed: 1\n", 1, 11, "scenario",
                  "must be lowercase letters, digits and '-', starting with a letter or digit; found 'Droplet_Lifecycle'"),
        ErrorCase("null description", "scenario: t\ndescription:\nseed: 1\n", 2, 13, "description",
                  "expected a string, found null"),
        ErrorCase("negative seed", "scenario: t\nseed: -1\n", 2, 7, "seed", "expected a non-negative integer, found -1"),
        ErrorCase("quoted seed", "scenario: t\nseed: \"7\"\n", 2, 7, "seed",
                  "expected a non-negative integer, found the quoted string \"7\"; write integers unquoted"),
        ErrorCase("fractional seed", "scenario: t\nseed: 1.5\n", 2, 7, "seed",
                  "expected a non-negative integer, found '1.5'"),
        ErrorCase("seed too large", "scenario: t\nseed: 18446744073709551616\n", 2, 7, "seed",
                  "18446744073709551616 is out of range 0...18446744073709551615"),
        ErrorCase("count too large", "scenario: t\nseed: 1\nclock: {start: 2026-04-01T00:00:00Z, end: 2026-04-02T00:00:00Z}\n"
                      + "world:\n  droplets: [{name: 'a-#', count: 99999999999999999999, size: s-1vcpu-1gb, region: nyc3}]\n",
                  5, 35, "world.droplets[0].count", "99999999999999999999 is out of range: it must be between 1 and 10000"),
        ErrorCase("clock not a mapping", "scenario: t\nseed: 1\nclock: 2026-04-01\n", 3, 8, "clock",
                  "expected a mapping, found '2026-04-01'"),
        ErrorCase("clock missing end", "scenario: t\nseed: 1\nclock: {start: 2026-04-01}\n", 3, 8, "clock.end",
                  "missing required key 'end'"),
        ErrorCase("impossible date", "scenario: t\nseed: 1\nclock: {start: 2026-02-30T00:00:00Z, end: 2026-05-01}\n",
                  3, 16, "clock.start", "'2026-02-30T00:00:00Z' is not a valid time; write YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD"),
        ErrorCase("time with an offset", header + "timeline:\n  - at: 2026-04-01T10:00:00+10:00\n    fault: {path: /v2/droplets}\n",
                  5, 9, "timeline[0].at", "times must be UTC; '2026-04-01T10:00:00+10:00' has an offset: write it with Z"),
        ErrorCase("time with fractional seconds", header + "timeline:\n  - at: 2026-04-01T10:00:00.5Z\n    fault: {path: /v2/x}\n",
                  5, 9, "timeline[0].at", "write '2026-04-01T10:00:00.5Z' as YYYY-MM-DDTHH:MM:SSZ (a T separator, whole seconds)"),
        ErrorCase("world not a mapping", header + "world: [a]\n", 4, 8, "world", "expected a mapping, found a list"),
        ErrorCase("droplet missing size", header + "world:\n  droplets:\n    - {name: web-1, region: syd1}\n", 6, 7,
                  "world.droplets[0].size", "missing required key 'size'"),
        ErrorCase("droplet unknown key", header + "world:\n  droplets:\n    - name: web-1\n      sise: s-1vcpu-1gb\n", 7, 7,
                  "world.droplets[0].sise",
                  "unknown key 'sise' (did you mean 'size'?); allowed keys: name, size, region, project, tags, status, provisioned, created_at, count"),
        ErrorCase("droplet tags a string", header + "world:\n  droplets:\n    - {name: a, size: s, region: r, tags: web}\n",
                  6, 43, "world.droplets[0].tags", "expected a list, found 'web'"),
        ErrorCase("droplet name a mapping", header + "world:\n  droplets:\n    - name: {first: web}\n", 6, 13,
                  "world.droplets[0].name", "expected a string, found a mapping"),
        ErrorCase("droplet empty region", header + "world:\n  droplets:\n    - {name: a, size: s, region: \"\"}\n", 6, 34,
                  "world.droplets[0].region", "must not be empty"),
        ErrorCase("droplet bad status", header + "world:\n  droplets:\n    - {name: a, size: s, region: r, status: sleeping}\n",
                  6, 45, "world.droplets[0].status", "must be one of active, off; found 'sleeping'"),
        ErrorCase("project bad environment", header + "world:\n  projects:\n    - {name: p, environment: production}\n",
                  6, 30, "world.projects[0].environment",
                  "must be one of Development, Staging, Production; found 'production' (did you mean 'Production'?)"),
        ErrorCase("project default not a boolean", header + "world:\n  projects:\n    - {name: p, default: yes}\n", 6, 26,
                  "world.projects[0].default", "expected true or false, found 'yes'"),
        ErrorCase("domain ttl not an integer", header + "world:\n  domains:\n    - {name: example.com, ttl: abc}\n", 6, 32,
                  "world.domains[0].ttl", "expected an integer, found 'abc'"),
        ErrorCase("domain ttl in hex", header + "world:\n  domains:\n    - {name: example.com, ttl: 0x10}\n", 6, 32,
                  "world.domains[0].ttl", "expected an integer, found '0x10'"),
        ErrorCase("domain ttl zero", header + "world:\n  domains:\n    - {name: example.com, ttl: 0}\n", 6, 32,
                  "world.domains[0].ttl", "must be at least 1, found 0"),
        ErrorCase("timeline not a list", header + "timeline: {at: 2026-04-01}\n", 4, 11, "timeline",
                  "expected a list, found a mapping"),
        ErrorCase("timeline item without an action", header + "timeline:\n  - at: 2026-04-01T10:00:00Z\n", 5, 5, "timeline[0]",
                  "has no action; add exactly one of: create_project, create_droplet, resize_droplet, power_off_droplet, "
                      + "power_on_droplet, rename_droplet, tag_droplet, untag_droplet, destroy_droplet, create_domain, delete_domain, create_domain_record, update_domain_record, delete_domain_record, create_tag, delete_tag, "
                      + "move_to_project, fault, set_invoice_csv_columns, corrupt_invoice_csv, reingest_invoice, create_volume, attach_volume, detach_volume, delete_volume, reserve_ip, assign_ip, unassign_ip, release_ip, provision, accept_drift, subscribe, change_subscription, end_subscription, meter_usage, run_job, rollup_invoices, invoice_paid, invoice_void, enable_backups, disable_backups, take_backup, take_snapshot, delete_snapshot, "
                      + "create_firewall, update_firewall, delete_firewall, create_load_balancer, update_load_balancer, "
                      + "delete_load_balancer, create_spaces_bucket, delete_spaces_bucket, set_spaces_bucket_size, create_database, "
                      + "delete_database, create_k8s_cluster, delete_k8s_cluster, create_app, delete_app"),
        ErrorCase("timeline item with two actions",
                  header + "timeline:\n  - at: 2026-04-01T10:00:00Z\n    power_off_droplet: {name: a}\n    destroy_droplet: {name: a}\n",
                  7, 5, "timeline[0]",
                  "has more than one action (power_off_droplet, destroy_droplet); each timeline item takes exactly one: "
                      + "split it into items with the same 'at'"),
        ErrorCase("timeline item without at", header + "timeline:\n  - fault: {path: /v2/droplets}\n", 5, 5, "timeline[0].at",
                  "missing required key 'at'"),
        ErrorCase("timeline unknown action", header + "timeline:\n  - at: 2026-04-01\n    reboot_droplet: {name: a}\n", 6, 5,
                  "timeline[0].reboot_droplet",
                  "unknown key 'reboot_droplet'; allowed keys: at, create_project, create_droplet, resize_droplet, "
                      + "power_off_droplet, power_on_droplet, rename_droplet, tag_droplet, untag_droplet, destroy_droplet, "
                      + "create_domain, delete_domain, create_domain_record, update_domain_record, delete_domain_record, create_tag, delete_tag, move_to_project, fault, set_invoice_csv_columns, corrupt_invoice_csv, reingest_invoice, create_volume, attach_volume, detach_volume, delete_volume, reserve_ip, assign_ip, unassign_ip, release_ip, provision, accept_drift, subscribe, change_subscription, end_subscription, meter_usage, run_job, rollup_invoices, invoice_paid, invoice_void, enable_backups, disable_backups, take_backup, take_snapshot, delete_snapshot, "
                      + "create_firewall, update_firewall, delete_firewall, create_load_balancer, update_load_balancer, "
                      + "delete_load_balancer, create_spaces_bucket, delete_spaces_bucket, set_spaces_bucket_size, create_database, "
                      + "delete_database, create_k8s_cluster, delete_k8s_cluster, create_app, delete_app"),
        ErrorCase("action unknown key", header + "timeline:\n  - at: 2026-04-01\n    resize_droplet: {name: a, sise: b}\n", 6, 31,
                  "timeline[0].resize_droplet.sise", "unknown key 'sise' (did you mean 'size'?); allowed keys: name, size"),
        ErrorCase("action missing key", header + "timeline:\n  - at: 2026-04-01\n    resize_droplet: {name: a}\n", 6, 21,
                  "timeline[0].resize_droplet.size", "missing required key 'size'"),
        ErrorCase("create_droplet takes no created_at",
                  header + "timeline:\n  - at: 2026-04-01\n    create_droplet: {name: a, size: s, region: r, created_at: 2026-04-01}\n",
                  6, 51, "timeline[0].create_droplet.created_at",
                  "unknown key 'created_at'; allowed keys: name, size, region, project, tags, status, provisioned"),
        ErrorCase("create_project takes no default",
                  header + "timeline:\n  - at: 2026-04-01\n    create_project: {name: p, default: true}\n", 6, 31,
                  "timeline[0].create_project.default", "unknown key 'default'; allowed keys: name, description, environment"),
        ErrorCase("tag_droplet with no tags", header + "timeline:\n  - at: 2026-04-01\n    tag_droplet: {name: a, tags: []}\n",
                  6, 34, "timeline[0].tag_droplet.tags", "must list at least one tag"),
        ErrorCase("move_to_project with two resources",
                  header + "timeline:\n  - at: 2026-04-01\n    move_to_project: {droplet: a, domain: b, project: p}\n", 6, 22,
                  "timeline[0].move_to_project", "names droplet and domain; move one resource per item"),
        ErrorCase("move_to_project with no resource",
                  header + "timeline:\n  - at: 2026-04-01\n    move_to_project: {project: p}\n", 6, 22,
                  "timeline[0].move_to_project", "missing the resource to move: add one of droplet, domain, volume, snapshot, reserved_ip, load_balancer, spaces_bucket, database, k8s_cluster, app"),
        ErrorCase("fault status not an error", header + "timeline:\n  - at: 2026-04-01\n    fault: {path: /v2/droplets, status: 302}\n",
                  6, 41, "timeline[0].fault.status", "must be between 400 and 599, found 302"),
        ErrorCase("fault page zero", header + "timeline:\n  - at: 2026-04-01\n    fault: {path: /v2/droplets, page: 0}\n",
                  6, 39, "timeline[0].fault.page", "must be at least 1, found 0"),
        ErrorCase("fault path relative", header + "timeline:\n  - at: 2026-04-01\n    fault: {path: v2/droplets}\n", 6, 19,
                  "timeline[0].fault.path", "must be an API path starting with '/', e.g. /v2/droplets"),
    ])
    func shapeTypeAndValueErrors(_ error: ErrorCase) {
        error.check()
    }

    static func parseError(_ yaml: String, file: String = "case.yaml") -> ScenarioError? {
        do {
            _ = try ScenarioParser.parse(yaml: yaml, file: file)
            return nil
        } catch {
            return error
        }
    }
}

/// One bad scenario and the exact error it must produce.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let line: Int
    let column: Int
    let field: String
    let message: String

    init(_ name: String, _ yaml: String, _ line: Int, _ column: Int, _ field: String, _ message: String) {
        (self.name, self.yaml, self.line, self.column, self.field, self.message) = (name, yaml, line, column, field, message)
    }

    var testDescription: String { name }

    func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected = ScenarioError(location: ScenarioLocation(file: "case.yaml", line: line, column: column),
                                     field: field, message: message)
        #expect(ScenarioParserTests.parseError(yaml) == expected, sourceLocation: sourceLocation)
    }
}
