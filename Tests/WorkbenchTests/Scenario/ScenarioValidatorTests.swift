import DigitalOcean
import MoneyAndTime
import Testing
@testable import Workbench

/// The validator's half of the format: names, references and state, checked in execution order,
/// each error at the offending field's own node. Cases go through the parser so locations are real.
struct ScenarioValidatorTests {
    /// April 2026; the body of every case starts on line 4.
    static let header = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-05-01}\n"
    static let twoDroplets = header + "world:\n  droplets:\n    - {name: a, size: s, region: r}\n    - {name: b, size: s, region: r, status: off}\n"

    @Test(arguments: [
        ErrorCase("clock ends at its start", "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-04-01}\n", 3, 33,
                  "clock.end", "must be after clock.start (2026-04-01T00:00:00Z); the clock runs start ..< end"),
        ErrorCase("duplicate world project", header + "world:\n  projects:\n    - {name: p}\n    - {name: p}\n", 7, 14,
                  "world.projects[1].name", "another world project is already named 'p'"),
        ErrorCase("two default projects",
                  header + "world:\n  projects:\n    - {name: a, default: true}\n    - {name: b, default: true}\n", 7, 26,
                  "world.projects[1].default", "world.projects[0] is already the default project; an account has exactly one"),
        ErrorCase("project named Default without a default", header + "world:\n  projects:\n    - {name: Default}\n", 6, 14,
                  "world.projects[0].name",
                  "'Default' is the project the fake provider creates when no world project is marked 'default: true'; "
                      + "mark this one default or rename it"),
        ErrorCase("duplicate world droplet", header + "world:\n  droplets:\n    - {name: a, size: s, region: r}\n    - {name: a, size: s, region: r}\n",
                  7, 14, "world.droplets[1].name", "another world droplet is already named 'a'"),
        ErrorCase("world droplet in an unknown project",
                  header + "world:\n  droplets:\n    - {name: a, size: s, region: r, project: nope}\n", 6, 46,
                  "world.droplets[0].project", "no project named 'nope' exists in the world; existing projects: Default"),
        ErrorCase("world droplet created after the clock starts",
                  header + "world:\n  droplets:\n    - {name: a, size: s, region: r, created_at: 2026-04-02}\n", 6, 49,
                  "world.droplets[0].created_at",
                  "is after clock.start (2026-04-01T00:00:00Z); a world droplet exists when the clock starts, "
                      + "so create later droplets in the timeline"),
        ErrorCase("duplicate world domain", header + "world:\n  domains:\n    - {name: example.com}\n    - {name: example.com}\n",
                  7, 14, "world.domains[1].name", "another world domain is already named 'example.com'"),
        ErrorCase("event before the clock starts", header + "timeline:\n  - {at: 2026-03-31T23:59:59Z, fault: {path: /v2/x}}\n",
                  5, 10, "timeline[0].at", "is before clock.start (2026-04-01T00:00:00Z)"),
        ErrorCase("event at the clock end", header + "timeline:\n  - {at: 2026-05-01T00:00:00Z, fault: {path: /v2/x}}\n",
                  5, 10, "timeline[0].at",
                  "is not before clock.end (2026-05-01T00:00:00Z); the clock runs start ..< end, so nothing happens at end"),
        ErrorCase("resizing a destroyed droplet, named by its file position",
                  twoDroplets + "timeline:\n  - at: 2026-04-02\n    resize_droplet: {name: a, size: big}\n"
                      + "  - at: 2026-04-01\n    destroy_droplet: {name: a}\n",
                  10, 28, "timeline[0].resize_droplet.name",
                  "no droplet named 'a' exists at 2026-04-02T00:00:00Z (it was destroyed at 2026-04-01T00:00:00Z)"),
        ErrorCase("same instant runs in file order",
                  header + "timeline:\n  - at: 2026-04-01\n    tag_droplet: {name: a, tags: [x]}\n"
                      + "  - at: 2026-04-01\n    create_droplet: {name: a, size: s, region: r}\n",
                  6, 25, "timeline[0].tag_droplet.name", "no droplet named 'a' exists at 2026-04-01T00:00:00Z"),
        ErrorCase("creating a droplet whose name is live",
                  twoDroplets + "timeline:\n  - at: 2026-04-01\n    create_droplet: {name: a, size: s, region: r}\n", 10, 28,
                  "timeline[0].create_droplet.name", "a droplet named 'a' already exists"),
        ErrorCase("creating a droplet in a project created later",
                  header + "timeline:\n  - at: 2026-04-01\n    create_droplet: {name: a, size: s, region: r, project: p}\n"
                      + "  - at: 2026-04-02\n    create_project: {name: p}\n",
                  6, 60, "timeline[0].create_droplet.project",
                  "no project named 'p' exists at 2026-04-01T00:00:00Z; existing projects: Default"),
        ErrorCase("renaming onto a live name", twoDroplets + "timeline:\n  - at: 2026-04-01\n    rename_droplet: {name: a, to: b}\n",
                  10, 35, "timeline[0].rename_droplet.to", "a droplet named 'b' already exists"),
        ErrorCase("using a droplet's old name after a rename",
                  twoDroplets + "timeline:\n  - at: 2026-04-01\n    rename_droplet: {name: a, to: c}\n"
                      + "  - at: 2026-04-02\n    power_off_droplet: {name: a}\n",
                  12, 31, "timeline[1].power_off_droplet.name",
                  "no droplet named 'a' exists at 2026-04-02T00:00:00Z (it was renamed to 'c' at 2026-04-01T00:00:00Z)"),
        ErrorCase("powering off an off droplet",
                  twoDroplets + "timeline:\n  - at: 2026-04-01\n    power_off_droplet: {name: b}\n", 10, 31,
                  "timeline[0].power_off_droplet.name", "droplet 'b' is already off at 2026-04-01T00:00:00Z"),
        ErrorCase("powering on an active droplet",
                  twoDroplets + "timeline:\n  - at: 2026-04-01\n    power_on_droplet: {name: a}\n", 10, 30,
                  "timeline[0].power_on_droplet.name", "droplet 'a' is already active at 2026-04-01T00:00:00Z"),
        ErrorCase("creating a project whose name exists",
                  header + "world:\n  projects: [{name: p}]\ntimeline:\n  - at: 2026-04-01\n    create_project: {name: p}\n",
                  8, 28, "timeline[0].create_project.name", "a project named 'p' already exists"),
        ErrorCase("creating a domain whose name is live",
                  header + "world:\n  domains: [{name: example.com}]\ntimeline:\n  - at: 2026-04-01\n    create_domain: {name: example.com}\n",
                  8, 27, "timeline[0].create_domain.name", "a domain named 'example.com' already exists"),
        ErrorCase("deleting a domain twice",
                  header + "world:\n  domains: [{name: example.com}]\ntimeline:\n  - at: 2026-04-01\n    delete_domain: {name: example.com}\n"
                      + "  - at: 2026-04-02\n    delete_domain: {name: example.com}\n",
                  10, 27, "timeline[1].delete_domain.name",
                  "no domain named 'example.com' exists at 2026-04-02T00:00:00Z (it was deleted at 2026-04-01T00:00:00Z)"),
        ErrorCase("a domain record without its type's fields",
                  header + "world:\n  domains: [{name: example.com}]\ntimeline:\n  - at: 2026-04-01\n"
                      + "    create_domain_record: {domain: example.com, type: MX, data: mx.example.com.}\n",
                  7, 5, "timeline[0].create_domain_record.priority", "priority is required for MX records"),
        ErrorCase("updating a domain record that was never made",
                  header + "world:\n  domains: [{name: example.com}]\ntimeline:\n  - at: 2026-04-01\n"
                      + "    update_domain_record: {domain: example.com, id: 900000001, data: 192.0.2.1}\n",
                  8, 53, "timeline[0].update_domain_record.id",
                  "domain 'example.com' has no record 900000001 (only records made after the zone can change)"),
        ErrorCase("deleting a tag nothing has",
                  header + "timeline:\n  - at: 2026-04-01\n    delete_tag: {name: nope}\n", 6, 24,
                  "timeline[0].delete_tag.name", "no tag named 'nope' exists at 2026-04-01T00:00:00Z"),
        ErrorCase("moving an unknown domain",
                  header + "timeline:\n  - at: 2026-04-01\n    move_to_project: {domain: example.org, project: p}\n", 6, 31,
                  "timeline[0].move_to_project.domain", "no domain named 'example.org' exists at 2026-04-01T00:00:00Z"),
        ErrorCase("moving into an unknown project",
                  twoDroplets + "timeline:\n  - at: 2026-04-01\n    move_to_project: {droplet: a, project: nope}\n", 10, 44,
                  "timeline[0].move_to_project.project",
                  "no project named 'nope' exists at 2026-04-01T00:00:00Z; existing projects: Default"),
    ])
    func crossReferenceErrors(_ error: ErrorCase) {
        error.check()
    }

    @Test func namesAndProjectsResolveAsTheWorldChanges() throws {
        let scenario = try ScenarioParser.parse(yaml: Self.header + """
            world:
              projects: [{name: ops, default: true}]
              droplets: [{name: a, size: s, region: r, project: ops}]
            timeline:
              - {at: 2026-04-01, create_project: {name: Default}}
              - {at: 2026-04-02, destroy_droplet: {name: a}}
              - {at: 2026-04-03, create_droplet: {name: a, size: s, region: r, project: Default}}
              - {at: 2026-04-04, rename_droplet: {name: a, to: b}}
              - {at: 2026-04-05, create_droplet: {name: a, size: s, region: r, status: off}}
              - {at: 2026-04-06, power_on_droplet: {name: a}}
            """, file: "ok.yaml")

        #expect(scenario.timeline.count == 6)
    }

    @Test func theImpliedDefaultProjectCanBeNamed() throws {
        let scenario = try ScenarioParser.parse(yaml: Self.header + """
            world:
              domains: [{name: example.com, project: Default}]
            """, file: "ok.yaml")

        #expect(scenario.world.domains.first?.project == "Default")
    }

    @Test func builtScenariosAreReportedAtTheEventLocation() {
        let event = ScenarioLocation(file: "fleet", line: 3, column: 5)
        let scenario = Scenario(
            name: "fleet", seed: 1,
            clock: ClockRange(start: Timestamp(year: 2026, month: 4, day: 1), end: Timestamp(year: 2026, month: 5, day: 1)),
            timeline: [TimelineEvent(at: Timestamp(year: 2026, month: 4, day: 2), action: .destroyDroplet(name: "x"),
                                     location: event)])

        #expect(throws: ScenarioError(location: event, field: "timeline[0].destroy_droplet.name",
                                      message: "no droplet named 'x' exists at 2026-04-02T00:00:00Z")) {
            try ScenarioValidator.validate(scenario)
        }
    }

    @Test func builtScenariosMustBeInExecutionOrder() {
        let scenario = Scenario(
            name: "fleet", seed: 1,
            clock: ClockRange(start: Timestamp(year: 2026, month: 4, day: 1), end: Timestamp(year: 2026, month: 5, day: 1)),
            timeline: [
                TimelineEvent(at: Timestamp(year: 2026, month: 4, day: 3), action: .fault(FaultSpec(path: "/v2/droplets"))),
                TimelineEvent(at: Timestamp(year: 2026, month: 4, day: 2), action: .fault(FaultSpec(path: "/v2/droplets"))),
            ])

        #expect(throws: ScenarioError(location: ScenarioLocation(file: "fleet", line: 0, column: 0),
                                      field: "timeline[1].at",
                                      message: "is earlier than the event before it; a timeline must be in execution order (by 'at')")) {
            try ScenarioValidator.validate(scenario)
        }
    }
}
