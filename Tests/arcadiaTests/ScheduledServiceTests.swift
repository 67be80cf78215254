import ArcadiaCore
import Foundation
import GRDB
import Testing
import TestSupport
import WorkbenchTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The running service end to end, as an operator starts it: `arcadia fake-do serve --speed` (a
/// fake that moves in time) and `arcadia serve --schedule --start … --speed …` against it, as two
/// real processes over real HTTP, for a few real seconds; then the API answers with the inventory
/// the scheduler synced and the runs it made, and SIGTERM stops it cleanly.
@Suite(.timeLimit(.minutes(3))) struct ScheduledServiceTests {
    static let secret = String(repeating: "scheduled-service-secret-", count: 3)

    /// A running `arcadia` subcommand whose banner names its port.
    final class Served: @unchecked Sendable {
        let process = Process()
        let port: Int
        /// What it printed up to the banner's port.
        let banner: String

        /// Its output goes to a file (a pipe nobody drains could fill and block it), read until the
        /// banner names the port (`scheme://127.0.0.1:<port>`).
        init(_ arguments: [String], environment: [String: String] = [:], scheme: String = "http") async throws {
            let log = try RepoPaths.temporaryDirectory("served-output").appendingPathComponent("stdout.txt")
            #expect(FileManager.default.createFile(atPath: log.path, contents: nil))
            process.executableURL = KilledRunTests.arcadia
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardOutput = try FileHandle(forWritingTo: log)
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<600 {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if let range = text.range(of: "\(scheme)://127.0.0.1:"), text[range.upperBound...].contains(where: { !$0.isNumber }),
                   let found = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                    port = found
                    banner = text
                    return
                }
                guard process.isRunning else { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw ServedWithoutBanner(arguments: arguments)
        }

        func stop() -> Int32 {
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    struct ServedWithoutBanner: Error { var arguments: [String] }

    static func get(_ url: String, token: String) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(url): \(String(decoding: data, as: UTF8.self))")
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func mintToken() throws -> String {
        let process = Process()
        let output = Pipe()
        process.executableURL = KilledRunTests.arcadia
        process.arguments = ["token", "--role", "platform_admin", "--ttl", "10m"]
        process.environment = ["ARCADIA_JWT_SECRET": secret]
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    @Test func aScheduledServiceAgainstAMovingFakeFillsItsLedgerAndStopsOnSIGTERM() async throws {
        let scenario = try ScenarioFixtures.shipped("revenue-month-end")
        let ledger = try RepoPaths.temporaryDirectory("scheduled-service").appendingPathComponent("service.sqlite").path
        let fake = try await Served(["fake-do", "serve", "--scenario", ScenarioFixtures.shippedPath("revenue-month-end"),
                                     "--speed", "3600", "--port", "0"])
        defer { _ = fake.stop() }
        let service = try await Served(["serve", "--db", ledger, "--port", "0", "--schedule", "--token-env", "FAKE_DO_TOKEN",
                                        "--api", "http://127.0.0.1:\(fake.port)", "--start", scenario.clock.start.iso8601, "--speed", "3600"],
                                       environment: ["ARCADIA_JWT_SECRET": Self.secret, "FAKE_DO_TOKEN": "fake-do-token"])
        let token = try Self.mintToken()
        let api = "http://127.0.0.1:\(service.port)/api/v1"
        // A few real seconds are a few virtual hours: several 15-minute syncs.
        var syncRuns: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            try await Task.sleep(for: .milliseconds(500))
            let page = try await Self.get("\(api)/jobs?job=sync.droplets", token: token)
            syncRuns = page["items"] as? [[String: Any]] ?? []
            if syncRuns.count >= 4 { break }
        }
        #expect(syncRuns.count >= 4)
        #expect(syncRuns.allSatisfy { $0["outcome"] as? String == "succeeded" })
        // It never ran: the first run is at once, as the clock starts at --start (plus start-up time).
        #expect((syncRuns.first?["scheduled_at"] as? String)?.hasPrefix("2026-04-01T") == true)
        let inventory = try await Self.get("\(api)/inventory?kind=droplet", token: token)
        let names = (inventory["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.contains("api-1"))
        #expect(service.stop() == 0, "SIGTERM is a graceful shutdown, not a failure")
        #expect(Ledger.isLedgerFile(atPath: ledger))
        let recorded = try await DatabaseQueue(path: ledger).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM job_runs") ?? 0 }
        #expect(recorded >= syncRuns.count)
    }

    /// A port already taken is said as such, naming the address, with exit 1; and `--schedule` with
    /// a ledger it would create refuses before creating it (no empty ledger or lock file is left).
    @Test func aPortInUseIsRefusedByAddressAndLeavesNoNewLedger() async throws {
        let folder = try RepoPaths.temporaryDirectory("port-in-use")
        let served = folder.appendingPathComponent("served.sqlite").path
        _ = try Ledger(path: served)
        let environment = ["ARCADIA_JWT_SECRET": Self.secret, "DO_TOKEN": "t"]
        let first = try await Served(["serve", "--db", served, "--port", "0"], environment: environment)
        defer { _ = first.stop() }
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        for arguments in [["serve", "--db", served, "--port", "\(first.port)"],
                          ["serve", "--db", fresh, "--port", "\(first.port)", "--schedule", "--token-env", "DO_TOKEN"]] {
            let process = Process()
            let errors = Pipe()
            process.executableURL = KilledRunTests.arcadia
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(arguments)")
            #expect(stderr == "Error: cannot listen on 127.0.0.1:\(first.port): address already in use\n", "\(arguments)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("fresh") } == [])
    }
}
