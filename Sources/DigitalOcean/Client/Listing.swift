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

    public init(items: [Item], pageCount: Int, total: Int?, rateLimit: RateLimit?) {
        self.items = items
        self.pageCount = pageCount
        self.total = total
        self.rateLimit = rateLimit
    }
}

extension Listing: Equatable where Item: Equatable {}
