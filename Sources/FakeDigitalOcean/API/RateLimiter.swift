import DigitalOcean
import MoneyAndTime

/// DO's per-token limits in the fake's virtual time: a sliding hour (5,000 requests; each request
/// counts for 3,600 s after it is made) and a 250-per-minute burst limit.
///
/// The limiter's clock is the world's, except that time can pass for it alone: the time the
/// client spent waiting to retry (`clientWaited`; in the simulator a worker's run is one instant
/// of the world, yet a client that waited out a burst refusal must find the minute over, as on
/// DO), or the real time a served fake frozen at one instant has been serving (`passTime`).
/// Once the world's clock passes it, the two agree again.
struct RateLimiter: Sendable {
    var perHour = 5_000
    var perMinute = 250
    /// Times of counted requests, non-decreasing; entries before `hourStart` have expired.
    private var times: [Int64] = []
    private var hourStart = 0
    private var minuteStart = 0
    /// Where time passed for the limiter alone has taken its clock (seconds); it never goes back.
    private var passedUntil = Int64.min
    /// A served fake's clients' clock: `ratelimit-reset` and `retry-after` are told on it.
    var clientClock: ClientClock?

    enum Decision: Equatable {
        case allowed
        case hourlyExhausted
        case burstExhausted(retryAfter: Int)
    }

    /// The client waited `seconds` before sending again, starting from the limiter's clock at `now`.
    mutating func clientWaited(seconds: Int64, at now: Timestamp) {
        passTime(until: clock(at: now) + max(0, seconds))
    }

    /// The limiter's clock reads at least `time` from now on.
    mutating func passTime(until time: Timestamp) {
        passedUntil = max(passedUntil, time.seconds)
    }

    /// The limiter's clock when the world's is at `now`.
    private func clock(at now: Timestamp) -> Timestamp {
        now.seconds >= passedUntil ? now : Timestamp(seconds: passedUntil)
    }

    /// What a request at the world's `worldNow` would get, without counting it.
    mutating func decide(at worldNow: Timestamp) -> Decision {
        let now = clock(at: worldNow)
        expire(before: now)
        if times.count - hourStart >= perHour { return .hourlyExhausted }
        if times.count - minuteStart >= perMinute {
            return .burstExhausted(retryAfter: Int(times[minuteStart] + 60 - now.seconds))
        }
        return .allowed
    }

    mutating func record(at worldNow: Timestamp) {
        let now = clock(at: worldNow)
        expire(before: now)
        times.append(now.seconds)
    }

    /// `ratelimit-*` headers as of the world's `worldNow`. A burst refusal reports nothing
    /// remaining and a reset when the burst window frees up, as in DO's sample burst headers.
    mutating func headers(at worldNow: Timestamp, decision: Decision = .allowed) -> [String: String] {
        let now = clock(at: worldNow)
        expire(before: now)
        let inHour = times.count - hourStart
        var remaining = max(0, perHour - inHour)
        var reset = inHour > 0 ? times[hourStart] + 3_600 : now.seconds
        if case .burstExhausted(let retryAfter) = decision {
            remaining = 0
            reset = now.seconds + Int64(retryAfter)
        }
        // Room for the headers every response adds (content type, request id, retry-after).
        var headers = [String: String](minimumCapacity: 6)
        headers["ratelimit-limit"] = String(perHour)
        headers["ratelimit-remaining"] = String(remaining)
        headers["ratelimit-reset"] = String(clientClock?.epochSeconds(of: reset) ?? reset)
        return headers
    }

    /// A `retry-after` of `seconds` of the limiter's time, as the client waits it.
    func retryAfter(_ seconds: Int) -> String {
        String(clientClock?.seconds(seconds) ?? seconds)
    }

    private mutating func expire(before now: Timestamp) {
        while hourStart < times.count, times[hourStart] + 3_600 <= now.seconds { hourStart += 1 }
        minuteStart = max(minuteStart, hourStart)
        while minuteStart < times.count, times[minuteStart] + 60 <= now.seconds { minuteStart += 1 }
        if hourStart > 4_096, hourStart * 2 > times.count {
            times.removeFirst(hourStart)
            minuteStart -= hourStart
            hourStart = 0
        }
    }
}
