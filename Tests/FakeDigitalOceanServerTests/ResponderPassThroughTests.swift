import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime
import ServedFakeTestSupport
@testable import FakeDigitalOceanServer
import Foundation
import Testing

/// What the fake answers must reach HTTP clients unchanged: over a real loopback connection, the
/// same status, headers and bytes as an identical fake answers in process. (Hummingbird adds only
/// `content-length` and `date`.)
@Suite(.timeLimit(.minutes(2))) struct ResponderPassThroughTests {
    private static let start = Timestamp(year: 2026, month: 4, day: 1, hour: 9)
    private static let bearer = "Bearer \(FakeDigitalOcean.defaultToken)"

    private static func world(_ configure: @Sendable (FakeDigitalOcean) -> Void) throws -> FakeDigitalOcean {
        let fake = FakeDigitalOcean(seed: 11, start: start)
        try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
        configure(fake)
        return fake
    }

    /// Sends each request over HTTP to one fake and in process to its twin, and compares.
    private func expectSameAnswers(_ requests: [APIRequest], configure: @escaping @Sendable (FakeDigitalOcean) -> Void = { _ in }) async throws {
        let twin = try Self.world(configure)
        try await withServedFake(try Self.world(configure)) { root in
            let http = URLSessionTransport(baseURL: root, timeout: .seconds(60))
            for request in requests {
                let expected = twin.respond(to: request)
                let response = try await http.send(request)
                #expect(response.status == expected.status, "\(request.summary)")
                #expect(response.body == expected.body, "\(request.summary)")
                for (name, value) in expected.headers {
                    #expect(response.headers[name] == value, "\(request.summary) header \(name)")
                }
                #expect(Set(response.headers.keys).subtracting(expected.headers.keys).subtracting(["content-length", "date"]).isEmpty)
            }
        }
    }

    @Test func aNotFoundBodyAndItsHeadersPassThrough() async throws {
        try await expectSameAnswers([APIRequest(path: "/v2/droplets/999999", headers: ["authorization": Self.bearer])])
    }

    @Test func anUnauthorizedBodyPassesThrough() async throws {
        try await expectSameAnswers([
            APIRequest(path: "/v2/droplets"),
            APIRequest(path: "/v2/droplets", headers: ["authorization": "Bearer wrong"]),
        ])
    }

    @Test func listingsAndRateLimitHeadersPassThroughIncludingABurst429() async throws {
        let list = APIRequest(path: "/v2/droplets", query: [QueryItem("page", "1"), QueryItem("per_page", "200")],
                              headers: ["authorization": Self.bearer])
        try await expectSameAnswers([list, list, list]) { $0.configureRateLimits(perHour: 5_000, perMinute: 2) }
    }

    @Test func anInjected429KeepsItsRetryAfter() async throws {
        let list = APIRequest(path: "/v2/droplets", headers: ["authorization": Self.bearer])
        try await expectSameAnswers([list, list]) { $0.injectFault(path: "/v2/droplets", page: nil, status: 429, times: 1) }
    }

    @Test func theQueryIsDecodedInOrder() {
        let items = FakeDigitalOceanResponder.queryItems("page=2&per_page=200&tag_name=env%3Aprod%20x&flag")
        #expect(items == [QueryItem("page", "2"), QueryItem("per_page", "200"), QueryItem("tag_name", "env:prod x"), QueryItem("flag", "")])
        #expect(FakeDigitalOceanResponder.queryItems(nil).isEmpty)
    }
}
