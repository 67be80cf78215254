import Foundation
import Testing
import TestSupport
import WorkbenchTestSupport

/// `arcadia fake-do serve --tls` as an operator runs it: the banner names an https address and the
/// CA file to trust, a real TLS client that trusts only that file gets DO's answers (page links
/// included) back on the fake's own origin, and faults armed before `--at` are announced.
@Suite(.timeLimit(.minutes(2))) struct FakeDOServeCommandTests {
    @Test func tlsServesWithAPrintedCAAndAnnouncesPendingFaults() async throws {
        let fake = try await ScheduledServiceTests.Served(
            ["fake-do", "serve", "--scenario", ScenarioFixtures.shippedPath("listing-faults"), "--at", "2026-07-01T00:25:00Z",
             "--tls", "--port", "0"], scheme: "https")
        defer { _ = fake.stop() }
        let banner = fake.banner
        #expect(banner.contains("pending fault: GET /v2/droplets page 2 -> 503, 2 more times"), "\(banner)")
        let caLine = try #require(banner.split(separator: "\n").first { $0.hasPrefix("ca:") }, "\(banner)")
        let ca = String(caLine.dropFirst(3).drop { $0 == " " }.prefix { $0 != " " })
        #expect(FileManager.default.fileExists(atPath: ca))

        // Python's ssl with the default (verifying) context and only the printed CA.
        let script = """
            import json, ssl, sys, urllib.request
            context = ssl.create_default_context(cafile=sys.argv[2])
            request = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer fake-do-token"})
            print(json.dumps(json.load(urllib.request.urlopen(request, context=context))["links"]))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, "https://127.0.0.1:\(fake.port)/v2/regions?per_page=5", ca]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let links = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let next = (links["pages"] as? [String: String])?["next"]
        #expect(next == "https://127.0.0.1:\(fake.port)/v2/regions?page=2&per_page=5")
    }

    @Test func certWithoutKeyIsRefused() async throws {
        let process = Process()
        process.executableURL = KilledRunTests.arcadia
        process.arguments = ["fake-do", "serve", "--scenario", ScenarioFixtures.shippedPath("listing-faults"), "--cert", "/nonexistent.pem"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(text.contains("--cert and --key go together"), "\(text)")
    }
}
