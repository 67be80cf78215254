import DigitalOcean
import Foundation
import MoneyAndTime
import TestSupport
import Workbench

/// Scenarios the workbench tests share: the shipped files, and small generated ones.
public enum ScenarioFixtures {
    /// A shipped scenario from `scenarios/`, parsed.
    public static func shipped(_ name: String, filePath: String = #filePath) throws -> Scenario {
        try ScenarioParser.load(path: shippedPath(name, filePath: filePath))
    }

    /// The name of every shipped scenario, sorted: tests that must hold for all of them.
    public static let shippedNames: [String] = {
        let folder = RepoPaths.root().appendingPathComponent("scenarios")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    public static func shippedPath(_ name: String, filePath: String = #filePath) -> String {
        RepoPaths.root(filePath: filePath).appendingPathComponent("scenarios/\(name).yaml").path
    }

    /// `count` droplets in one project, enough to span pages of 200 when count > 200.
    public static func fleet(_ count: Int, name: String = "fleet", seed: UInt64 = 5, hours: Int64 = 4,
                             timeline: [TimelineEvent] = []) -> Scenario {
        let start = Timestamp(year: 2026, month: 7, day: 1)
        let droplets = (1...count).map { DropletSpec(name: "node-\($0)", size: "s-1vcpu-1gb", region: "syd1") }
        return Scenario(name: name, seed: seed, clock: ClockRange(start: start, end: start + hours * 3_600),
                        world: WorldSpec(droplets: droplets), timeline: timeline)
    }

    /// Writes `text` to `<directory>/<file>` and returns the path.
    public static func write(_ text: String, to directory: URL, as file: String) throws -> String {
        let url = directory.appendingPathComponent(file)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
