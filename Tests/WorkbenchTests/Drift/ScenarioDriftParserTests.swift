import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Testing
@testable import Workbench

/// The drift keys of the format: how they parse, and each error at its line and column.
struct ScenarioDriftParserTests {
    static let header = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-05-01}\n"
    static let oneDroplet = header + "world:\n  droplets:\n    - {name: a, size: s, region: r}\n"
    static let provisioned = header + "world:\n  droplets:\n    - {name: a, size: s, region: r, provisioned: true}\n"

    @Test func driftKeysParseIntoTheModel() throws {
        let scenario = try ScenarioParser.parse(yaml: Self.header + """
            drift_ignore:
              - {rule: r1, kind: droplet, name: "web-*", tag: canary, field: tags, reason: why, expires: 2026-04-20}
            world:
              droplets:
                - {name: a, size: s, region: r, tags: [x], provisioned: true}
            timeline:
              - at: 2026-04-02
                provision:
                  droplet: a
                  spec: {size_slug: s, vcpus: 2, ratio: 1.5, backups: true, label: "2", flag: yes, tags: [b, a], nested: {x: [1]}}
              - at: 2026-04-03
                accept_drift: {droplet: a, field: vcpus}

            """, file: "case.yaml")
        #expect(scenario.driftIgnore.map(\.rule) == [
            IgnoreRule(id: "r1", kind: .droplet, nameGlob: "web-*", tag: "canary", field: "tags", reason: "why",
                       expires: Timestamp(year: 2026, month: 4, day: 20)),
        ])
        #expect(scenario.world.droplets[0].provisioned)
        #expect(scenario.timeline.map(\.action) == [
            .provision(droplet: "a", spec: ["size_slug": "s", "vcpus": 2, "ratio": .number("1.5"), "backups": true, "label": "2",
                                            "flag": "yes", "tags": .strings(["b", "a"]), "nested": .object(["x": .array([1])])]),
            .acceptDrift(droplet: "a", field: "vcpus"),
        ])
    }

    @Test func acceptingAfterARenameUsesTheNewName() throws {
        _ = try ScenarioParser.parse(yaml: Self.provisioned + "timeline:\n  - at: 2026-04-01\n    rename_droplet: {name: a, to: b}\n"
                                         + "  - at: 2026-04-02\n    accept_drift: {droplet: b, field: region}\n", file: "case.yaml")
    }

    @Test(arguments: [
        ErrorCase("provision names no live droplet",
                  header + "timeline:\n  - at: 2026-04-01\n    provision: {droplet: ghost, spec: {region: syd1}}\n", 6, 26,
                  "timeline[0].provision.droplet", "no droplet named 'ghost' exists at 2026-04-01T00:00:00Z"),
        ErrorCase("accept_drift on a droplet with no spec",
                  oneDroplet + "timeline:\n  - at: 2026-04-02\n    accept_drift: {droplet: a, field: size_slug}\n", 9, 29,
                  "timeline[0].accept_drift.droplet",
                  "droplet 'a' has no recorded spec at 2026-04-02T00:00:00Z; provision it first (a provision event, or provisioned: true)"),
        ErrorCase("accept_drift on a field the spec lacks",
                  provisioned + "timeline:\n  - at: 2026-04-02\n    accept_drift: {droplet: a, field: vcpus}\n", 9, 39,
                  "timeline[0].accept_drift.field", "'vcpus' is not in the spec of droplet 'a'; its fields: region, size_slug, tags"),
        ErrorCase("accept_drift on a destroyed droplet",
                  provisioned + "timeline:\n  - at: 2026-04-02\n    destroy_droplet: {name: a}\n"
                      + "  - at: 2026-04-03\n    accept_drift: {droplet: a, field: region}\n", 11, 29,
                  "timeline[1].accept_drift.droplet",
                  "no droplet named 'a' exists at 2026-04-03T00:00:00Z (it was destroyed at 2026-04-02T00:00:00Z)"),
        ErrorCase("provision with an empty spec", oneDroplet + "timeline:\n  - at: 2026-04-01\n    provision: {droplet: a, spec: {}}\n",
                  9, 35, "timeline[0].provision.spec", "must name at least one field"),
        ErrorCase("provision with a null value",
                  oneDroplet + "timeline:\n  - at: 2026-04-01\n    provision: {droplet: a, spec: {region: ~}}\n", 9, 44,
                  "timeline[0].provision.spec.region", "expected a string, found null"),
        ErrorCase("provisioned is a boolean", header + "world:\n  droplets:\n    - {name: a, size: s, region: r, provisioned: yes}\n",
                  6, 50, "world.droplets[0].provisioned", "expected true or false, found 'yes'"),
        ErrorCase("ignore rule without a selector",
                  header + "drift_ignore:\n  - {rule: r, field: tags, reason: x, expires: 2026-05-01}\n", 5, 5,
                  "drift_ignore[0]", "has no selector; add at least one of kind, name (a glob) or tag"),
        ErrorCase("ignore rule without a reason",
                  header + "drift_ignore:\n  - {rule: r, tag: t, field: tags, expires: 2026-05-01}\n", 5, 5,
                  "drift_ignore[0].reason", "missing required key 'reason'"),
        ErrorCase("ignore rule without an expiry",
                  header + "drift_ignore:\n  - {rule: r, tag: t, field: tags, reason: x}\n", 5, 5,
                  "drift_ignore[0].expires", "missing required key 'expires'"),
        ErrorCase("two ignore rules with one name",
                  header + "drift_ignore:\n  - {rule: r, tag: t, field: tags, reason: x, expires: 2026-05-01}\n"
                      + "  - {rule: r, tag: u, field: tags, reason: x, expires: 2026-05-01}\n", 6, 12,
                  "drift_ignore[1].rule", "drift_ignore[0] is already named 'r'; rule names appear in the drift ledger, so each must be unique"),
    ])
    func driftErrors(_ error: ErrorCase) {
        error.check()
    }
}
