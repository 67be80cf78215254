/// Every item of a list endpoint, gathered from all its pages.
///
/// A `Listing` only exists when the walk was complete and consistent; otherwise the client throws.
/// That is what lets inventory sync count a missing resource as a miss.
public struct Listing<Item: Sendable>: Sendable {
    public var items: [Item]
    /// How many pages were fetched.
    public var pageCount: Int
    /// `meta.total` as DO reported it; nil only for endpoints whose `meta.total` is optional.
    public var total: Int?
    /// Rate-limit state from the last response.
    public var rateLimit: RateLimit?
    /// True when an item memo took every page whole from the last complete listing of the same
    /// request: the very items it returned then. How the listing was made, not what it lists, so
    /// equality ignores it.
    public var repeatsLast: Bool

    public init(items: [Item], pageCount: Int, total: Int?, rateLimit: RateLimit?, repeatsLast: Bool = false) {
        self.items = items
        self.pageCount = pageCount
        self.total = total
        self.rateLimit = rateLimit
        self.repeatsLast = repeatsLast
    }
}

extension Listing: Equatable where Item: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.items == rhs.items && lhs.pageCount == rhs.pageCount && lhs.total == rhs.total && lhs.rateLimit == rhs.rateLimit
    }
}
