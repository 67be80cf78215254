import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing
@testable import arcadia
import TestSupport
import Workbench
import WorkbenchTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `arcadia fake-do serve --tls` as an operator runs it: the banner names an https address and the
/// CA file to trust, a real TLS client that trusts only that file gets DO's answers (page links
/// included) back on the fake's own origin, faults armed before `--at` are announced, and the CA's
/// folder is removed at shutdown.
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
        #expect(fake.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: (ca as NSString).deletingLastPathComponent), "the throwaway CA goes with its server")
    }

    /// `--record`: what a client wrote over HTTP is in the scenario written at SIGTERM, which parses
    /// and keeps the served scenario's events up to `--at` only.
    @Test func recordWritesTheClientsChangesAsAScenarioOnShutdown() async throws {
        let file = try RepoPaths.temporaryDirectory("fake-do-record").appendingPathComponent("recorded.yaml")
        let fake = try await ScheduledServiceTests.Served(
            ["fake-do", "serve", "--scenario", ScenarioFixtures.shippedPath("project-attribution"), "--at", "2026-05-01T14:00:00Z",
             "--port", "0", "--record", file.path])
        for (path, body) in [("/v2/droplets", #"{"name":"by-hand","region":"syd1","size":"s-1vcpu-1gb","image":"ubuntu-24-04-x64"}"#),
                             ("/v2/domains", #"{"name":"by-hand.example.com"}"#)] {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(fake.port)\(path)")!)
            request.httpMethod = "POST"
            request.httpBody = Data(body.utf8)
            request.setValue("Bearer fake-do-token", forHTTPHeaderField: "Authorization")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect([201, 202].contains((response as? HTTPURLResponse)?.statusCode ?? 0))
        }
        #expect(fake.stop() == 0)
        let recorded = try ScenarioParser.load(path: file.path).withoutLocations()
        let at = try #require(Timestamp(iso8601: "2026-05-01T14:00:00Z"))
        #expect(recorded.timeline.suffix(2).map(\.action) == [
            .createDroplet(DropletSpec(name: "by-hand", size: "s-1vcpu-1gb", region: "syd1")),
            .createDomain(DomainSpec(name: "by-hand.example.com")),
        ])
        #expect(recorded.timeline.suffix(2).allSatisfy { $0.at == at })
        #expect(recorded.timeline.count == 4 + 2, "the events after --at are cut")
    }

    /// Frozen, the world stays at its instant; with DO's limits kept, the server's `prepare` gives
    /// the limits the real time since serving began, so a burst-limited minute frees as on DO.
    @Test func aFrozenFakesRateLimitsRunOnRealTime() throws {
        let scenario = try ScenarioFixtures.shipped("droplet-lifecycle")
        let served = try FakeDOCommand.Serve.fake(scenario, at: nil, speed: nil, origin: Date(timeIntervalSinceNow: -61))
        let fake = served.world.fake
        let frozenAt = fake.now
        let request = APIRequest(path: "/v2/droplets", headers: ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)"])
        for _ in 0..<250 { #expect(fake.respond(to: request).status == 200) }
        #expect(fake.respond(to: request).status == 429)
        try served.prepare()
        let allowed = fake.respond(to: request)
        #expect(allowed.status == 200, "61 s of real time have passed for the limits")
        #expect(fake.now == frozenAt)
        // The first request frees its place an hour after it was made, 61 s before this test began;
        // told in the fake's time, the reset would be an hour after the scenario's clock.end.
        let reset = try #require(allowed.headers["ratelimit-reset"].flatMap { Int64($0) })
        let wall = Int64(Date().timeIntervalSince1970)
        #expect((wall + 3_400...wall + 3_541).contains(reset), "reset \(reset), the real clock \(wall)")
    }

    /// `--record` naming an existing file (the served scenario itself, say) used to be overwritten
    /// at shutdown; it is refused before anything is served.
    @Test func aRecordingIsNeverWrittenOverAFile() async throws {
        let directory = try RepoPaths.temporaryDirectory()
        let scenario = directory.appendingPathComponent("served.yaml").path
        try FileManager.default.copyItem(atPath: ScenarioFixtures.shippedPath("droplet-lifecycle"), toPath: scenario)
        let before = try Data(contentsOf: URL(fileURLWithPath: scenario))
        let command = try FakeDOCommand.Serve.parse(["--scenario", scenario, "--record", scenario, "--port", "0"])
        await #expect(throws: InputError.self) { try await command.run() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: scenario)) == before)
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
