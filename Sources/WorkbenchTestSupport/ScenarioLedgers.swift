import Foundation
import TestSupport
import Workbench

/// Ledger files left behind by playing shipped scenarios through the simulator, for tests of code
/// that reads a ledger as `arcadia run … --db FILE` leaves it (the service). Each scenario (or
/// variant) is played once per test process; every caller gets its own copy of the file, so a
/// test that writes (accepting a drift) cannot disturb another running in parallel.
public enum ScenarioLedgers {
    /// A fresh copy of the ledger the shipped scenario `name` produces. `variant` names an `edit`
    /// of the parsed scenario (e.g. a timeline event removed), played and cached separately.
    public static func copy(of name: String, variant: String = "", filePath: String = #filePath,
                            edit: @escaping @Sendable (inout Scenario) -> Void = { _ in }) async throws -> String {
        let path = ScenarioFixtures.shippedPath(name, filePath: filePath)
        let played = try await PlayedLedgers.shared.file(key: "\(name)#\(variant)") {
            var scenario = try ScenarioParser.load(path: path)
            edit(&scenario)
            let file = try RepoPaths.temporaryDirectory("arcadia-played").appendingPathComponent("\(name).sqlite").path
            _ = try await Simulator(options: Simulator.Options(ledgerPath: file)).run(scenario)
            return file
        }
        let copy = try RepoPaths.temporaryDirectory("arcadia-ledger").appendingPathComponent("\(name).sqlite")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: played), to: copy)
        return copy.path
    }
}

/// One simulator run per key per process; concurrent askers wait for the same run.
private actor PlayedLedgers {
    static let shared = PlayedLedgers()
    private var runs: [String: Task<String, any Error>] = [:]

    func file(key: String, play: @escaping @Sendable () async throws -> String) async throws -> String {
        if let run = runs[key] { return try await run.value }
        let run = Task { try await play() }
        runs[key] = run
        return try await run.value
    }
}
