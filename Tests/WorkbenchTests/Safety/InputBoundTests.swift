import Foundation
import Testing
import TestSupport
import Workbench

/// Bounded input: every way the issue found to make the parser or the simulator run without end
/// is refused quickly, at a file, line and column.
@Suite(.timeLimit(.minutes(2))) struct InputBoundTests {
    func parseError(_ yaml: String, file: String = "s.yaml") -> String? {
        do {
            _ = try ScenarioParser.parse(yaml: yaml, file: file)
            return nil
        } catch {
            return error.description
        }
    }

    static let head = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-04-02}\n"

    /// Nine anchors, each a list of nine aliases of the one before: 733 bytes that expand to 9⁹
    /// nodes. Used as a mapping key it hung inside Yams (which hashes keys while composing).
    static let aliasBomb: String = {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        return yaml
    }()

    @Test func anAliasBombUsedAsAMappingKeyIsRefusedBeforeYamsComposesIt() {
        let yaml = Self.aliasBomb + "? *i\n: 1\n"
        #expect(yaml.utf8.count < 800)
        #expect(parseError(yaml) == "s.yaml:7:8: the document expands to more than 1000000 nodes (each alias counted as a copy of its "
                    + "anchor); a scenario this large, or an alias bomb, is refused")
    }

    @Test func anAliasBombInsideAProvisionSpecIsRefusedToo() {
        let yaml = Self.head + "world:\n  droplets: [{name: a, size: s, region: syd1}]\nbombs:\n"
            + Self.aliasBomb.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            + "\ntimeline:\n  - at: 2026-04-01T01:00:00Z\n    provision: {droplet: a, spec: {tags: *i}}\n"
        #expect(parseError(yaml)?.contains("the document expands to more than 1000000 nodes") == true)
    }

    @Test func aliasesWithinTheBoundStillReadAsCopies() throws {
        let yaml = Self.head + "world:\n  droplets:\n    - &web {name: a, size: s-1vcpu-1gb, region: syd1}\n    - {name: b, size: s-1vcpu-1gb, region: syd1}\n"
            + "timeline:\n  - at: 2026-04-01T01:00:00Z\n    provision: {droplet: a, spec: &spec {size_slug: s-1vcpu-1gb}}\n"
            + "  - at: 2026-04-01T02:00:00Z\n    provision: {droplet: b, spec: *spec}\n"
        let scenario = try ScenarioParser.parse(yaml: yaml, file: "s.yaml")
        #expect(scenario.timeline.count == 2)
    }

    @Test func deepNestingIsRefusedWithOurMessageNotLibyamls() {
        for depth in [65, 5_000] {
            let yaml = Self.head + "description: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
            let error = parseError(yaml)
            #expect(error?.hasPrefix("s.yaml:4:") == true, "\(depth)")
            #expect(error?.hasSuffix("nesting is deeper than 64 levels (each alias counted as a copy of its anchor); "
                        + "no scenario or price book nests that deep") == true, "\(depth): \(error ?? "")")
            #expect(error?.contains("yaml_set_max_nest_level") == false)
        }
        // An alias adds its anchor's depth where it is used.
        let nested = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let yaml = "a: &deep " + nested + "\nb: " + String(repeating: "[", count: 30) + "*deep" + String(repeating: "]", count: 30) + "\n"
        #expect(parseError(yaml)?.contains("nesting is deeper than 64 levels") == true)
    }

    @Test func aFileLargerThanTheBoundIsRefusedUnread() throws {
        let yaml = Self.head + "description: " + String(repeating: "x", count: 8 << 20) + "\n"
        #expect(parseError(yaml) == "s.yaml:0:0: the file is \(yaml.utf8.count) bytes; a scenario or price book may be at most 8388608 bytes")
        let folder = try RepoPaths.temporaryDirectory("input-bounds")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ScenarioError.self) { try ScenarioParser.load(path: path) }
        do {
            _ = try ScenarioParser.load(path: path)
        } catch {
            #expect(error.description == "\(path):0:0: the file is \(yaml.utf8.count) bytes; a scenario or price book may be at most 8388608 bytes")
        }
    }

    @Test func theClockSpansAtMostThreeYears() {
        #expect(parseError("scenario: t\nseed: 1\nclock: {start: 2000-01-01, end: 9999-12-31}\n")
            == "s.yaml:3:33: clock.end: the clock spans 2921939 days; a scenario may simulate at most 1096 days (three years)")
        #expect(parseError("scenario: t\nseed: 1\nclock: {start: 2026-01-01, end: 2029-01-01}\n") == nil)
    }

    @Test func worldDropletsTimesClockDaysAreBounded() {
        let yaml = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-04-11}\nworld:\n  droplets:\n"
            + "    - {name: a-#, count: 4000, size: s, region: syd1}\n    - {name: b-#, count: 1001, size: s, region: syd1}\n"
        #expect(parseError(yaml) == "s.yaml:7:7: world.droplets[1]: brings the world to 5001 droplets over the clock's 10 days, more than "
                    + "50000 droplet-days; a run that size takes minutes: shorten the clock or declare fewer droplets")
        #expect(parseError(yaml.replacingOccurrences(of: "1001", with: "1000")) == nil)
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let scenario = try ScenarioParser.parse(yaml: "\u{FEFF}" + Self.head, file: "s.yaml")
        #expect(scenario.name == "t")
        #expect(parseError("\u{FEFF}" + Self.head + "sedd: 2\n") == "s.yaml:4:1: sedd: unknown key 'sedd' (did you mean 'seed'?); allowed keys: scenario, description, seed, "
                    + "clock, world, account, timeline, drift_ignore, tenants, deployments, metering, pricebooks, expect")
    }
}
