import DigitalOcean
import FakeDigitalOcean
import FakeDigitalOceanServer
import Foundation
import MoneyAndTime
import ServedFakeTestSupport
import Testing
import TestSupport

/// Issue 15's proof: DigitalOcean's own Python clients (python-digitalocean and pydo, which
/// `scripts/setup` installs), untouched but for the endpoint and the CA bundle, list every
/// collection of the fake served over TLS, past 200 droplets, create, power off, resize, snapshot
/// and delete a droplet each, and never leave 127.0.0.1.
@Suite(.timeLimit(.minutes(3))) struct RealClientsOverTLSTests {
    static let start = Timestamp(year: 2026, month: 5, day: 1)

    /// 250 droplets (more than one page of 200), the first with backups and a snapshot; a tagged
    /// volume, a domain, a firewall; no project marked default.
    static func world() throws -> FakeDigitalOcean {
        let fake = FakeDigitalOcean(seed: 15, start: start)
        for index in 1...250 {
            try fake.createDroplet(name: "node-\(1000 + index)", size: "s-1vcpu-1gb", region: index.isMultiple(of: 2) ? "nyc3" : "sfo2",
                                   tags: index == 1 ? ["env:prod"] : [], poweredOn: true, createdAt: nil, project: nil)
        }
        try fake.enableBackups(droplet: "node-1001", plan: .weekly, weekday: 2, hour: 8)
        try fake.takeDropletSnapshot(droplet: "node-1001", name: "node-1001-snap")
        try fake.createVolume(name: "data", sizeGB: 50, region: "nyc3", tags: ["env:prod"], project: nil)
        try fake.createDomain(name: "example.com", ttl: 1800, project: nil)
        try fake.createFirewall(name: "prod", droplets: [], tags: ["env:prod"], inbound: [], outbound: [])
        return fake
    }

    @Test func pythonDigitalOceanAndPydoListEverythingOverTLSWithoutLeavingLoopback() async throws {
        let identity = try ServingIdentity.generated(host: "127.0.0.1", now: Date())
        let directory = try RepoPaths.temporaryDirectory()
        let ca = directory.appendingPathComponent("ca.pem")
        try Data(try #require(identity.trustAnchorPEM).utf8).write(to: ca)
        let fake = try Self.world()
        let before = fake.requestCount
        let output = try await withServedFake(fake, identity: identity) { root in
            #expect(root.scheme == "https")
            return try await Self.runClients(root: root.absoluteString, ca: ca.path)
        }
        #expect(output.status == 0, "\(output.stderr)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stdout)\n\(output.stderr)")

        #expect(seen["resolved_hosts"] as? [String] == ["127.0.0.1"], "every request stayed on loopback")
        #expect(seen["do.droplets"] as? Int == 250 && seen["do.droplet_names_unique"] as? Int == 250, "followed the next link past 200")
        #expect(seen["pydo.droplet_pages"] as? [Int] == [200, 50] && seen["pydo.droplet_total"] as? Int == 250)
        #expect((seen["do.regions"] as? [String])?.contains("ams2") == true && seen["pydo.regions"] as? Int == 14)
        #expect(seen["do.tags"] as? [String] == ["env:prod"] && seen["pydo.tags"] as? [String] == ["env:prod"])
        #expect(seen["do.volumes"] as? [String] == ["data"] && seen["do.domains"] as? [String] == ["example.com"])
        #expect(seen["do.firewalls"] as? Int == 1 && seen["pydo.droplet_firewalls"] as? Int == 1)
        #expect(seen["do.vpcs"] as? Int == 2 && seen["pydo.vpcs"] as? Int == 2)
        #expect(seen["do.snapshots"] as? Int == 1 && seen["pydo.droplet_snapshots"] as? Int == 1)
        #expect(seen["do.account_status"] as? String == "active" && seen["pydo.account_status"] as? String == "active")
        #expect(seen["pydo.default_project"] as? String == "Default")
        #expect(seen["pydo.domain_records"] as? [String] == ["SOA", "NS", "NS", "NS"])
        #expect(seen["pydo.backup_policy_enabled"] as? Bool == true)
        #expect(seen["pydo.volumes_named_nope"] as? Int == 0 && seen["pydo.droplets_named_nope"] as? Int == 0)
        #expect(fake.requestCount - before >= 30, "the clients' requests reached this fake")

        #expect(seen["do.created_status"] as? String == "active", "frozen: a create completes at once")
        #expect(seen["do.power_off"] as? String == "completed" && seen["do.resize"] as? String == "completed")
        #expect(seen["do.resized_size"] as? String == "s-2vcpu-2gb" && seen["do.snapshot"] as? String == "snapshot")
        #expect(seen["do.snapshot_ids"] as? Int == 1 && seen["do.destroyed"] as? Bool == true)
        #expect(seen["do.droplets_after"] as? Int == 250)
        #expect(seen["pydo.create_action"] as? String == "create" && seen["pydo.power_off"] as? String == "completed")
        #expect(seen["pydo.resize"] as? String == "resize" && seen["pydo.resized_size"] as? String == "s-2vcpu-4gb")
        #expect(seen["pydo.snapshots"] as? [String] == ["made-by-pydo-snap"])
        #expect(seen["pydo.actions"] as? [String] == ["snapshot", "resize", "power_off", "create"], "newest first")
        #expect(seen["pydo.after_delete"] as? String == "not_found", "DO's 404 body once it is gone")
        let badSize = seen["pydo.bad_size"] as? [Any]
        #expect(badSize?.first as? Int == 422 && badSize?.last as? String == "unprocessable_entity", "DO's 422 body")
        let changes = fake.recordedChanges.map(\.change)
        #expect(changes.first == .createDroplet(name: "made-by-python-do", size: "s-1vcpu-1gb", region: "nyc3", tags: []))
        #expect(changes.contains(.resizeDroplet(name: "made-by-pydo", size: "s-2vcpu-4gb")))
        #expect(changes.last == .destroyDroplet(name: "made-by-pydo"))
        #expect(changes.count == 10, "\(changes)")
    }

    @Test func plainHTTPIsRefusedByPydoWhichIsWhyTLSIsNeeded() async throws {
        let fake = try Self.world()
        let output = try await withServedFake(fake) { root in try await Self.runClients(root: root.absoluteString, ca: "") }
        #expect(output.status != 0)
        #expect(output.stderr.contains("non-TLS"), "pydo's own refusal, not some other failure: \(output.stderr)")
    }

    /// Runs `Tests/Fixtures/real-clients/real_clients.py` against `root`, trusting `ca`, on a
    /// thread of its own (the wait blocks, and the served fake needs the cooperative pool).
    static func runClients(root: String, ca: String) async throws -> (status: Int32, stdout: String, stderr: String) {
        let script = RepoPaths.root().appendingPathComponent("Tests/Fixtures/real-clients/real_clients.py")
        let errors = try RepoPaths.temporaryDirectory().appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, root, FakeDigitalOcean.defaultToken]
        var environment = ProcessInfo.processInfo.environment
        environment["REQUESTS_CA_BUNDLE"] = ca.isEmpty ? nil : ca
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let stdout = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let data = out.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: data)
            }
        }
        let stderr = try String(contentsOf: errors, encoding: .utf8)
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), stderr)
    }
}
