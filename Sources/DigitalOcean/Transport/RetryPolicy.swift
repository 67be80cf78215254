/// When to send a request again and how long to wait first: go-retryablehttp's `DefaultRetryPolicy`
/// and `DefaultBackoff`, which godo uses, with godo's defaults (4 retries, 1 s to 30 s).
///
/// - 429 and every 5xx except 501 are retried, and so is a request that got no answer at all
///   (`RetryingTransport` passes a nil response). Anything else is final.
/// - On 429 and 503, `retry-after` (whole seconds, or an HTTP-date measured against the response's
///   `date`) is waited exactly. A `retry-after` longer than `maxRetryAfter` ends the retries: the
///   response goes back to the caller instead of blocking it for that long.
/// - Otherwise retry `n` (counting from 0) waits `minBackoff × 2ⁿ`, capped at `maxBackoff`.
/// - There is no jitter, so the same failures always produce the same waits.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt; the request is sent at most `maxRetries + 1` times.
    public var maxRetries: Int
    public var minBackoff: Duration
    public var maxBackoff: Duration
    /// The longest `retry-after` that is honoured. DO's burst limit asks for under a minute.
    public var maxRetryAfter: Duration

    public init(maxRetries: Int = 4, minBackoff: Duration = .seconds(1), maxBackoff: Duration = .seconds(30),
                maxRetryAfter: Duration = .seconds(120)) {
        self.maxRetries = maxRetries
        self.minBackoff = minBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
    }

    /// godo's defaults (`godo.NewFromToken`: `RetryMax` 4, `RetryWaitMin` 1 s, `RetryWaitMax` 30 s).
    public static let godo = RetryPolicy()

    /// Never retries.
    public static let never = RetryPolicy(maxRetries: 0)

    public enum Decision: Sendable, Equatable {
        case retry(after: Duration)
        case stop
    }

    /// What to do after attempt `retry + 1` produced `response` (nil: no HTTP answer at all).
    public func decide(after response: APIResponse?, retry: Int) -> Decision {
        guard retry < maxRetries else { return .stop }
        guard let response else { return .retry(after: backoff(retry: retry)) }
        guard Self.isRetryable(status: response.status) else { return .stop }
        if response.status == 429 || response.status == 503, let asked = RetryAfter.delay(in: response.headers) {
            return asked <= maxRetryAfter ? .retry(after: asked) : .stop
        }
        return .retry(after: backoff(retry: retry))
    }

    /// 429, and 5xx except 501 Not Implemented (sending it again cannot make it implemented).
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || (status >= 500 && status != 501)
    }

    /// `minBackoff × 2^retry`, capped at `maxBackoff`; doubling stops at the cap, so it never overflows.
    public func backoff(retry: Int) -> Duration {
        var wait = minBackoff
        var doublings = 0
        while doublings < retry, wait < maxBackoff {
            wait *= 2
            doublings += 1
        }
        return min(wait, maxBackoff)
    }
}
