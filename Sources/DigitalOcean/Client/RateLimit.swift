import MoneyAndTime

/// DO's per-token rate-limit state, read from the `ratelimit-*` headers of a response, so callers
/// can pace themselves before DO answers 429.
public struct RateLimit: Sendable, Equatable {
    /// Requests allowed per hour (5,000 on DO).
    public var limit: Int
    /// Requests left in the sliding hour.
    public var remaining: Int
    /// When the oldest request in the window stops counting.
    public var reset: Timestamp

    public init(limit: Int, remaining: Int, reset: Timestamp) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
    }

    /// Parses `ratelimit-limit`, `ratelimit-remaining` and `ratelimit-reset` (Unix epoch seconds)
    /// from lowercased header names; nil unless all three are present and integers.
    public init?(headers: [String: String]) {
        guard let limit = headers["ratelimit-limit"].flatMap({ Int($0.trimmingSpaces) }),
              let remaining = headers["ratelimit-remaining"].flatMap({ Int($0.trimmingSpaces) }),
              let reset = headers["ratelimit-reset"].flatMap({ Int64($0.trimmingSpaces) })
        else { return nil }
        self.init(limit: limit, remaining: remaining, reset: Timestamp(seconds: reset))
    }
}

extension String {
    /// Header values may carry surrounding blanks; no Foundation needed to strip them.
    var trimmingSpaces: Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isBlank($0) }) else { return "" }
        let end = lastIndex(where: { !isBlank($0) })!
        return self[start...end]
    }
}
