import Foundation
import Testing
import Workbench

/// What the fake refuses only when it plays (the catalogue: sizes, regions) names the item and the
/// field, as the validator's errors do: it used to say `world.droplets:` for the first droplet's
/// size and nothing of the action's field for a resize.
struct WorldRefusalMessageTests {
    static let head = "scenario: s\nseed: 1\nclock: {start: 2026-04-01T00:00:00Z, end: 2026-04-02T00:00:00Z}\n"

    func failure(_ yaml: String) async throws -> String? {
        do {
            _ = try await Simulator().run(try ScenarioParser.parse(yaml: Self.head + yaml, file: "s.yaml"))
            return nil
        } catch let error as SimulationError {
            return "\(error.field): \(error.message)"
        }
    }

    @Test func anUnknownSizeIsNamedByItsItemAndField() async throws {
        let world = try await failure("world:\n  droplets: [{name: a, size: s-1vcpu-1gb, region: nyc3}, {name: b, size: s-99, region: nyc3}]\n")
        #expect(world?.hasPrefix("world.droplets[1].size: unknown droplet size 's-99' (known: ") == true, "\(String(describing: world))")
        let timeline = try await failure("world:\n  droplets: [{name: a, size: s-1vcpu-1gb, region: nyc3}]\n"
                                         + "timeline:\n  - {at: 2026-04-01T01:00:00Z, resize_droplet: {name: a, size: s-98}}\n")
        #expect(timeline?.hasPrefix("timeline[0].resize_droplet.size: at 2026-04-01T01:00:00Z, unknown droplet size 's-98'") == true,
                "\(String(describing: timeline))")
    }
}
