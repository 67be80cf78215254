import ArcadiaCore
import Foundation
import GRDB
import Testing
import TestSupport
import WorkbenchTestSupport

/// A run killed with SIGKILL part-way leaves its `--db` target as it was (or, if it had already
/// finished, complete): never a half-written ledger.
@Suite struct KilledRunTests {
    /// The `arcadia` executable the test build made, beside the test bundle.
    static var arcadia: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("arcadia")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return RepoPaths.root().appendingPathComponent(".build/debug/arcadia")
    }

    func events(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_resource_events")! }
    }

    @Test(arguments: [0.3, 0.8, 1.5])
    func aKilledRunLeavesTheOldLedgerOrACompleteOne(after seconds: Double) async throws {
        let directory = try RepoPaths.temporaryDirectory("killed-run")
        let target = directory.appendingPathComponent("ledger.sqlite").path
        let goldens = RepoPaths.root().appendingPathComponent("goldens").path
        let old = try Ledger(path: target)
        try await old.writer.write { db in
            try db.execute(sql: """
                INSERT INTO cloud_resources (kind, provider_id, name, status, attributes, first_seen_at, last_changed_at)
                VALUES ('droplet', '1', 'old', 'active', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
                """)
        }
        try old.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: target))

        let process = Process()
        process.executableURL = Self.arcadia
        process.arguments = ["run", ScenarioFixtures.shippedPath("revenue-price-change"), "--goldens", goldens, "--db", target]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        try await Task.sleep(for: .seconds(seconds))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let after = try Data(contentsOf: URL(fileURLWithPath: target))
        if process.terminationReason == .uncaughtSignal {
            #expect(after == before, "killed: the old ledger, byte for byte")
        } else {
            #expect(Ledger.isLedgerFile(atPath: target))
            #expect(try events(target) > 1, "finished: the whole new ledger")
        }
    }
}
