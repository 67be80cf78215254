import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing

/// DO's 250/minute burst and 5,000/hour sliding window, in virtual time.
@Suite struct FakeRateLimitTests {
    @Test func burstLimitAfter250InOneMinute() async throws {
        let fake = FakeDigitalOcean(seed: 9, start: start)
        for index in 0..<250 {
            fake.advance(to: start + Int64(index / 5))
            #expect(fake.get("/v2/droplets").status == 200)
        }
        fake.advance(to: start + 50)
        let refused = fake.get("/v2/droplets")
        #expect(refused.status == 429)
        #expect(refused.headers["retry-after"] == "10")
        #expect(refused.headers["ratelimit-remaining"] == "0")
        #expect(try refused.json()["id"] as? String == "too_many_requests")

        let error = await #expect(throws: DigitalOceanError.self) { try await fake.client.droplets() }
        #expect(error?.status == 429)

        fake.advance(to: start + 60)
        let allowed = fake.get("/v2/droplets")
        #expect(allowed.status == 200)
        #expect(allowed.headers["ratelimit-remaining"] == "4749")
        #expect(allowed.headers["ratelimit-reset"] == String((start + 3_600).seconds))
    }

    /// The simulator's client retries at the world's instant; the time it waited passes for the
    /// limits alone, and their clock never goes back when the world's catches up.
    @Test func aClientsWaitPassesForTheLimitsButNotForTheWorld() throws {
        let fake = FakeDigitalOcean(seed: 9, start: start)
        for _ in 0..<250 { #expect(fake.get("/v2/droplets").status == 200) }
        #expect(fake.get("/v2/droplets").headers["retry-after"] == "60")
        fake.clientWaited(.seconds(59))
        #expect(fake.get("/v2/droplets").headers["retry-after"] == "1")
        fake.clientWaited(.milliseconds(200))
        let allowed = fake.get("/v2/droplets")
        #expect(allowed.status == 200, "a wait in part of a second counts as the whole second")
        #expect(allowed.headers["ratelimit-remaining"] == "4749")
        #expect(fake.now == start)

        fake.advance(to: start + 30)
        for _ in 0..<249 { #expect(fake.get("/v2/droplets").status == 200) }
        let refused = fake.get("/v2/droplets")
        #expect(refused.status == 429)
        #expect(refused.headers["retry-after"] == "60", "the limits' minute began at start + 60, not at the world's start + 30")
        #expect(refused.headers["ratelimit-reset"] == String((start + 120).seconds))

        fake.advance(to: start + 120)
        #expect(fake.get("/v2/droplets").status == 200)
    }

    @Test func hourlyLimitSlides() throws {
        let fake = FakeDigitalOcean(seed: 9, start: start)
        for minute in 0..<20 {
            fake.advance(to: start + Int64(minute * 60))
            for _ in 0..<250 { #expect(fake.get("/v2/droplets").status == 200) }
        }
        fake.advance(to: start + 20 * 60)
        let refused = fake.get("/v2/droplets")
        #expect(refused.status == 429 && refused.headers["retry-after"] == nil)
        #expect(refused.headers["ratelimit-remaining"] == "0")
        #expect(refused.headers["ratelimit-reset"] == String((start + 3_600).seconds))

        fake.advance(to: start + 3_600)
        let after = fake.get("/v2/droplets")
        #expect(after.status == 200)
        #expect(after.headers["ratelimit-remaining"] == "249")
        #expect(after.headers["ratelimit-reset"] == String((start + 60 + 3_600).seconds))
    }

    /// Served, the limits run on the fake's time but a client reads `ratelimit-reset` against its
    /// wall clock and sleeps `retry-after` real seconds: both are told on the client's clock. Here
    /// the fake's `start` was the real instant 1,800,000,000.5 and runs 60 times faster.
    @Test func aServedFakeTellsResetsAndWaitsOnItsClientsClock() throws {
        let fake = FakeDigitalOcean(seed: 9, start: start)
        fake.configureRateLimits(perHour: 5_000, perMinute: 2)
        fake.tellRateLimits(on: ClientClock(start: start, origin: Date(timeIntervalSince1970: 1_800_000_000.5), speed: 60))
        let first = fake.get("/v2/droplets")
        #expect(first.headers["ratelimit-reset"] == "1800000061", "an hour of the fake is a minute of the client's, rounded up")
        fake.advance(to: start + 30)
        #expect(fake.get("/v2/droplets").status == 200)
        let refused = fake.get("/v2/droplets")
        #expect(refused.status == 429)
        #expect(refused.headers["retry-after"] == "1", "30 s of the fake is half a real second, told as one")
        #expect(refused.headers["ratelimit-reset"] == "1800000002", "the fake's start + 60 s, a real second after the origin")

        fake.tellRateLimits(on: ClientClock(start: start, origin: Date(timeIntervalSince1970: 1_800_000_000)))
        #expect(fake.get("/v2/droplets").headers["retry-after"] == "30", "at the real speed the waits are the fake's")
    }

    @Test func limitsCanBeRaised() {
        let fake = FakeDigitalOcean(seed: 9, start: start)
        fake.configureRateLimits(perHour: 100_000, perMinute: 10_000)
        for _ in 0..<1_000 { #expect(fake.get("/v2/droplets").status == 200) }
        #expect(fake.requestCount == 1_000)
    }
}
