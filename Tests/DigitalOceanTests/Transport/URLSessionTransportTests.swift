import DigitalOcean
import Foundation
import Synchronization
import Testing

@Suite struct URLSessionTransportTests {
    @Test func buildsTheURLFromTheRootThePathAndTheQueryInOrder() throws {
        let transport = URLSessionTransport(baseURL: try #require(URL(string: "http://127.0.0.1:8080/")))
        let request = APIRequest(path: "/v2/droplets", query: [QueryItem("page", "2"), QueryItem("per_page", "200"),
                                                               QueryItem("tag_name", "env:prod x")])
        #expect(transport.url(for: request)?.absoluteString == "http://127.0.0.1:8080/v2/droplets?page=2&per_page=200&tag_name=env:prod%20x")
        #expect(transport.url(for: APIRequest(path: "/v2/account"))?.absoluteString == "http://127.0.0.1:8080/v2/account")
    }

    @Test func aRefusedConnectionIsATransportErrorWithoutTheToken() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let transport = URLSessionTransport(baseURL: try #require(URL(string: "http://127.0.0.1:1")), timeout: .seconds(5))
        let token = "dop_v1_RECOGNISABLE_SECRET_1234"
        let client = DigitalOceanClient(transport: transport, token: token)
        do {
            _ = try await client.droplets()
            Issue.record("expected a failure")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("transport failed"))
            #expect(text.contains("127.0.0.1:1"))
            #expect(!text.contains(token))
            #expect(!String(reflecting: error).contains(token))
        }
    }
}

extension URLSessionTransportTests {
    /// Foundation's own `URLSession.data(for:)` on Linux deadlocks when its task is cancelled
    /// while the session's queue is delivering the answer (swift-corelibs-foundation #5412): a
    /// service stopping with a request in flight never exited. Many refused requests, each
    /// cancelled about when its refusal arrives, must all end.
    @Test func aRequestCancelledAsItsAnswerArrivesEnds() async throws {
        let transport = URLSessionTransport(baseURL: try #require(URL(string: "http://127.0.0.1:1")), timeout: .seconds(5))
        let finished = Finished()
        let requests = Task.detached {
            for round in 0..<400 {
                let request = Task { try await transport.send(APIRequest(path: "/v2/account")) }
                for _ in 0..<(round % 40) { await Task.yield() }
                request.cancel()
                _ = await request.result
            }
            finished.mark()
        }
        for _ in 0..<600 where !finished.isMarked {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(finished.isMarked, "a cancelled request never ended: the transport deadlocked")
        if finished.isMarked { await requests.value }
    }
}

private final class Finished: Sendable {
    private let state = Mutex(false)
    func mark() { state.withLock { $0 = true } }
    var isMarked: Bool { state.withLock { $0 } }
}
