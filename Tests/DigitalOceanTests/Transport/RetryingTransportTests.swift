import DigitalOcean
import Testing

@Suite struct RetryingTransportTests {
    private let request = APIRequest(path: "/v2/droplets", query: [QueryItem("page", "1")])

    @Test func succeedsAfterFailuresWaitingTheBackoffBetweenThem() async throws {
        let base = ScriptedTransport([.status(500), .status(502), .unreachable, .status(200)])
        let sleeper = RecordingSleeper()
        let response = try await RetryingTransport(base, sleeper: sleeper.sleeper).send(request)
        #expect(response.status == 200)
        #expect(base.sent == 4)
        #expect(sleeper.waits == [.seconds(1), .seconds(2), .seconds(4)])
    }

    @Test func honoursRetryAfterThenBacksOffForTheNextFailure() async throws {
        let base = ScriptedTransport([.status(429, headers: ["retry-after": "30"]), .status(503), .status(200)])
        let sleeper = RecordingSleeper()
        _ = try await RetryingTransport(base, sleeper: sleeper.sleeper).send(request)
        #expect(sleeper.waits == [.seconds(30), .seconds(2)])
    }

    @Test func returnsTheLastResponseOnceTheRetriesAreSpent() async throws {
        let base = ScriptedTransport([.status(503)])
        let sleeper = RecordingSleeper()
        let response = try await RetryingTransport(base, sleeper: sleeper.sleeper).send(request)
        #expect(response.status == 503)
        #expect(base.sent == 5, "godo: one attempt and 4 retries")
        #expect(sleeper.waits == [.seconds(1), .seconds(2), .seconds(4), .seconds(8)])
    }

    @Test func rethrowsTheLastTransportErrorOnceTheRetriesAreSpent() async throws {
        let base = ScriptedTransport([.unreachable])
        let sleeper = RecordingSleeper()
        let policy = RetryPolicy(maxRetries: 2)
        await #expect(throws: HTTPTransportError.self) {
            try await RetryingTransport(base, policy: policy, sleeper: sleeper.sleeper).send(request)
        }
        #expect(base.sent == 3)
        #expect(sleeper.waits == [.seconds(1), .seconds(2)])
    }

    @Test func doesNotRetryNotImplementedOrClientErrors() async throws {
        for status in [501, 404, 401] {
            let base = ScriptedTransport([.status(status), .status(200)])
            let sleeper = RecordingSleeper()
            let response = try await RetryingTransport(base, sleeper: sleeper.sleeper).send(request)
            #expect(response.status == status)
            #expect(base.sent == 1 && sleeper.waits.isEmpty)
        }
    }

    @Test func aSleeperThatThrowsEndsTheRetries() async throws {
        let base = ScriptedTransport([.status(500)])
        let cancelled = Sleeper { _ in throw CancellationError() }
        await #expect(throws: CancellationError.self) {
            try await RetryingTransport(base, sleeper: cancelled).send(request)
        }
        #expect(base.sent == 1)
    }

    @Test func theClientReportsSpentRetriesAsItsUsualErrors() async throws {
        let sleeper = RecordingSleeper()
        let failing = DigitalOceanClient(transport: RetryingTransport(ScriptedTransport([.status(500)]), sleeper: sleeper.sleeper),
                                         token: "t")
        do {
            _ = try await failing.send(APIRequest(path: "/v2/droplets/1"))
            Issue.record("expected an API error")
        } catch {
            #expect(error.status == 500)
        }
        let unreachable = DigitalOceanClient(transport: RetryingTransport(ScriptedTransport([.unreachable]), policy: .never,
                                                                         sleeper: sleeper.sleeper), token: "t")
        do {
            _ = try await unreachable.send(APIRequest(path: "/v2/droplets/1"))
            Issue.record("expected a transport error")
        } catch {
            guard case .transport(let request, let detail) = error else { Issue.record("got \(error)"); return }
            #expect(request == "GET /v2/droplets/1")
            #expect(detail.contains("connection refused"))
        }
    }
}
