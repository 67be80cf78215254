import DigitalOcean
import Testing

@Suite struct RetryPolicyTests {
    private func response(_ status: Int, _ headers: [String: String] = [:]) -> APIResponse {
        APIResponse(status: status, headers: headers)
    }

    @Test(arguments: [429, 500, 502, 503, 504, 599])
    func retriesTooManyRequestsAndServerErrors(status: Int) {
        #expect(RetryPolicy.godo.decide(after: response(status), retry: 0) == .retry(after: .seconds(1)))
    }

    @Test(arguments: [200, 201, 204, 301, 400, 401, 403, 404, 409, 422, 501])
    func doesNotRetryAnythingElseNorNotImplemented(status: Int) {
        #expect(RetryPolicy.godo.decide(after: response(status), retry: 0) == .stop)
    }

    @Test func retriesWhenNoAnswerCameBack() {
        #expect(RetryPolicy.godo.decide(after: nil, retry: 2) == .retry(after: .seconds(4)))
    }

    @Test func backoffDoublesFromTheMinimumUpToTheCap() {
        let policy = RetryPolicy(maxRetries: 8, minBackoff: .seconds(1), maxBackoff: .seconds(30))
        #expect((0..<8).map(policy.backoff(retry:)) == [1, 2, 4, 8, 16, 30, 30, 30].map { Duration.seconds($0) })
        #expect(policy.backoff(retry: 10_000) == .seconds(30), "no overflow however far it goes")
        let fine = RetryPolicy(minBackoff: .milliseconds(250), maxBackoff: .seconds(1))
        #expect((0..<4).map(fine.backoff(retry:)) == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(1)])
    }

    @Test func godoDefaultsAreFourRetriesFromOneToThirtySeconds() {
        let godo = RetryPolicy.godo
        #expect(godo.maxRetries == 4 && godo.minBackoff == .seconds(1) && godo.maxBackoff == .seconds(30))
        #expect(godo.decide(after: response(500), retry: 3) == .retry(after: .seconds(8)))
        #expect(godo.decide(after: response(500), retry: 4) == .stop)
        #expect(RetryPolicy.never.decide(after: response(503), retry: 0) == .stop)
    }

    @Test func retryAfterSecondsIsHonouredExactlyOn429And503() {
        #expect(RetryPolicy.godo.decide(after: response(429, ["retry-after": "29"]), retry: 0) == .retry(after: .seconds(29)))
        #expect(RetryPolicy.godo.decide(after: response(503, ["retry-after": " 7 "]), retry: 3) == .retry(after: .seconds(7)))
        #expect(RetryPolicy.godo.decide(after: response(429, ["retry-after": "0"]), retry: 0) == .retry(after: .zero))
        #expect(RetryPolicy.godo.decide(after: response(429, ["retry-after": "45"]), retry: 0) == .retry(after: .seconds(45)),
                "longer than maxBackoff is still honoured")
    }

    @Test func retryAfterIsIgnoredOnOther5xxAndWhenUnreadable() {
        #expect(RetryPolicy.godo.decide(after: response(500, ["retry-after": "29"]), retry: 1) == .retry(after: .seconds(2)))
        #expect(RetryPolicy.godo.decide(after: response(429, ["retry-after": "soon"]), retry: 1) == .retry(after: .seconds(2)))
        #expect(RetryPolicy.godo.decide(after: response(429, ["retry-after": "-5"]), retry: 0) == .retry(after: .seconds(1)))
    }

    @Test func retryAfterAsHTTPDateIsMeasuredAgainstTheResponseDate() {
        let headers = ["date": "Wed, 01 Apr 2026 10:00:00 GMT", "retry-after": "Wed, 01 Apr 2026 10:00:42 GMT"]
        #expect(RetryPolicy.godo.decide(after: response(503, headers), retry: 0) == .retry(after: .seconds(42)))
        let past = ["date": "Wed, 01 Apr 2026 10:00:00 GMT", "retry-after": "Wed, 01 Apr 2026 09:00:00 GMT"]
        #expect(RetryPolicy.godo.decide(after: response(503, past), retry: 0) == .retry(after: .zero))
        let undated = ["retry-after": "Wed, 01 Apr 2026 10:00:42 GMT"]
        #expect(RetryPolicy.godo.decide(after: response(503, undated), retry: 0) == .retry(after: .seconds(1)),
                "no clock is read: without a date header the HTTP-date gives no delay")
    }

    @Test func aRetryAfterBeyondTheLimitEndsTheRetries() {
        let policy = RetryPolicy(maxRetryAfter: .seconds(60))
        #expect(policy.decide(after: response(429, ["retry-after": "60"]), retry: 0) == .retry(after: .seconds(60)))
        #expect(policy.decide(after: response(429, ["retry-after": "3600"]), retry: 0) == .stop)
    }
}
