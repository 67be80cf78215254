import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import ServedFakeTestSupport
import Synchronization
import Testing
import Workbench
import WorkbenchTestSupport

/// `fake-do serve --speed` over real HTTP: a scenario's world moving in fake time (as the command
/// wires it: actions last 60 fake seconds, the world brought to the clock before each request)
/// serves a created droplet as `new`, then `active`, and an action `in-progress`, then `completed`.
/// Nothing asserts on wall-clock timing: the fake times are checked, and polling has a generous limit.
@Suite(.timeLimit(.minutes(2))) struct MovingFakeOverHTTPTests {
    /// 60 fake seconds to a real second: a fake minute passes in about one.
    static let speed = 60.0

    private func send(_ transport: URLSessionTransport, _ method: String, _ path: String, _ json: String? = nil) async throws -> [String: Any] {
        let response = try await transport.send(APIRequest(method: method, path: path, headers: [
            "authorization": "Bearer \(FakeDigitalOcean.defaultToken)", "content-type": "application/json",
        ], body: json.map { Data($0.utf8) }))
        #expect((200..<300).contains(response.status), "\(method) \(path): \(String(decoding: response.body, as: UTF8.self))")
        return try JSONSerialization.jsonObject(with: response.body) as? [String: Any] ?? [:]
    }

    /// Reads `read` until it gives `final`, at most `limit` times, 50 ms apart; every value seen, in order.
    private func poll(until final: String, limit: Int = 1200, _ read: () async throws -> String?) async throws -> [String] {
        var seen: [String] = []
        for _ in 0..<limit {
            let value = try await read() ?? "nil"
            if seen.last != value { seen.append(value) }
            if value == final { return seen }
            try await Task.sleep(for: .milliseconds(50))
        }
        return seen
    }

    @Test func aCreatedDropletIsNewThenActiveAndAnActionInProgressThenCompleted() async throws {
        let scenario = try ScenarioFixtures.shipped("droplet-lifecycle")
        let moving = try MovingScenarioWorld(scenario)
        moving.fake.setActionDuration(seconds: 60)
        let start = scenario.clock.start, origin = Date()
        let prepare: @Sendable () throws -> Void = {
            try moving.advance(to: start + Int64(Date().timeIntervalSince(origin) * Self.speed))
        }
        try await withServedFake(moving.fake, prepare: prepare) { root in
            let transport = URLSessionTransport(baseURL: root, timeout: .seconds(60))
            let created = try await send(transport, "POST", "/v2/droplets",
                                         #"{"name":"moving-1","region":"syd1","size":"s-1vcpu-1gb","image":"ubuntu-24-04-x64"}"#)
            let droplet = try #require(created["droplet"] as? [String: Any])
            let id = try #require(droplet["id"] as? Int)
            #expect(droplet["status"] as? String == "new", "a droplet is new when its create is answered")
            let statuses = try await poll(until: "active") {
                (try await send(transport, "GET", "/v2/droplets/\(id)")["droplet"] as? [String: Any])?["status"] as? String
            }
            #expect(statuses.last == "active" && Set(statuses).isSubset(of: ["new", "active"]), "\(statuses)")
            let createAction = try #require((try await send(transport, "GET", "/v2/droplets/\(id)/actions")["actions"] as? [[String: Any]])?.first)
            #expect(createAction["type"] as? String == "create" && createAction["status"] as? String == "completed")
            try Self.expectAMinuteApart(createAction)

            let started = try #require(try await send(transport, "POST", "/v2/droplets/\(id)/actions", #"{"type":"power_off"}"#)["action"] as? [String: Any])
            let actionID = try #require(started["id"] as? Int)
            #expect(started["status"] as? String == "in-progress" && started["completed_at"] is NSNull)
            let states = try await poll(until: "completed") {
                (try await send(transport, "GET", "/v2/actions/\(actionID)")["action"] as? [String: Any])?["status"] as? String
            }
            #expect(states.last == "completed" && Set(states).isSubset(of: ["in-progress", "completed"]), "\(states)")
            try Self.expectAMinuteApart(try #require(try await send(transport, "GET", "/v2/actions/\(actionID)")["action"] as? [String: Any]))
        }
        #expect(moving.fake.now > start, "the served world moved")
    }

    /// An action completes 60 fake seconds after it started, however long the machine took.
    private static func expectAMinuteApart(_ action: [String: Any]) throws {
        let started = try #require((action["started_at"] as? String).flatMap(Timestamp.init(iso8601:)))
        let completed = try #require((action["completed_at"] as? String).flatMap(Timestamp.init(iso8601:)))
        #expect(completed - started == 60, "\(action)")
    }
}
