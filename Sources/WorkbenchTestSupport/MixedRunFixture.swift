import Foundation
import TestSupport

/// A scenarios folder and a goldens folder, in a temporary folder, whose run has one of
/// everything a report must show: scenarios that pass, a ledger that differs from its golden (a
/// changed cell), an invalid file, a file reusing another's scenario name, and a golden folder no
/// scenario produces. Built from short shipped scenarios and copies of their goldens, so it plays
/// in seconds.
public struct MixedRunFixture: Sendable {
    public static let passing = ["drift-tags-reordered", "firewalls", "listing-faults"]
    /// Its `inventory.tsv` golden has one cell changed.
    public static let failing = "reserved-ips"

    public let root: URL
    public var scenarios: String { root.appendingPathComponent("scenarios").path }
    public var goldens: String { root.appendingPathComponent("goldens").path }

    public init(filePath: String = #filePath) throws {
        root = try RepoPaths.temporaryDirectory("arcadia-mixed-run")
        let repo = RepoPaths.root(filePath: filePath)
        let files = FileManager.default
        try files.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
        try files.createDirectory(atPath: goldens, withIntermediateDirectories: true)
        for name in Self.passing + [Self.failing] {
            try files.copyItem(atPath: repo.appendingPathComponent("scenarios/\(name).yaml").path, toPath: "\(scenarios)/\(name).yaml")
            try files.copyItem(atPath: repo.appendingPathComponent("goldens/\(name)").path, toPath: "\(goldens)/\(name)")
        }
        let inventory = URL(fileURLWithPath: "\(goldens)/\(Self.failing)/inventory.tsv")
        var lines = try String(contentsOf: inventory, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        cells[5] = "s-8vcpu-16gb"
        lines[1] = cells.joined(separator: "\t")
        try lines.joined(separator: "\n").write(to: inventory, atomically: true, encoding: .utf8)
        try "scenario: broken\nseed: 1\nclock: {start: 2026-04-01T00:00:00Z}\n"
            .write(toFile: "\(scenarios)/broken.yaml", atomically: true, encoding: .utf8)
        try files.copyItem(atPath: "\(scenarios)/firewalls.yaml", toPath: "\(scenarios)/firewalls-copy.yaml")
        try files.createDirectory(atPath: "\(goldens)/retired", withIntermediateDirectories: true)
    }
}
