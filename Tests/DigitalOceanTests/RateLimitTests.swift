import MoneyAndTime
import Testing
import DigitalOcean

@Suite struct RateLimitTests {
    @Test func parsesLowercasedHeaders() {
        let limit = RateLimit(headers: ["ratelimit-limit": "5000", "ratelimit-remaining": "4816", "ratelimit-reset": "1444931833"])
        #expect(limit == RateLimit(limit: 5000, remaining: 4816, reset: Timestamp(seconds: 1_444_931_833)))
        #expect(limit?.reset.iso8601 == "2015-10-15T17:57:13Z")
    }

    @Test func toleratesBlanksAroundValues() {
        let limit = RateLimit(headers: ["ratelimit-limit": " 5000", "ratelimit-remaining": "0 ", "ratelimit-reset": "1402425459"])
        #expect(limit?.remaining == 0)
    }

    @Test func nilWhenAbsentOrMalformed() {
        #expect(RateLimit(headers: [:]) == nil)
        #expect(RateLimit(headers: ["ratelimit-limit": "5000", "ratelimit-remaining": "4816"]) == nil)
        #expect(RateLimit(headers: ["ratelimit-limit": "5000", "ratelimit-remaining": "many", "ratelimit-reset": "1"]) == nil)
    }
}
