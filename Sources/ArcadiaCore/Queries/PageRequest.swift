/// A window on an ordered result: at most `limit` rows after skipping `offset`. The service
/// validates and caps what a client asks for; out-of-range values are clamped here so a query is
/// never handed a negative LIMIT.
public struct PageRequest: Sendable, Equatable {
    public var limit: Int
    public var offset: Int

    public init(limit: Int, offset: Int = 0) {
        self.limit = max(1, limit)
        self.offset = max(0, offset)
    }
}

/// One page of a query's rows and the size of the whole result, so a client can tell whether to
/// ask for more.
public struct QueryPage<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Rows matching the query across all pages.
    public var total: Int
    public var request: PageRequest

    public init(items: [Item], total: Int, request: PageRequest) {
        self.items = items
        self.total = total
        self.request = request
    }

    /// The page of `all` (a short list read whole, as price books and ignore rules are).
    public init(slicing all: [Item], request: PageRequest) {
        self.init(items: Array(all.dropFirst(request.offset).prefix(request.limit)), total: all.count, request: request)
    }

    /// The offset of the next page, nil on the last one.
    public var nextOffset: Int? {
        let next = request.offset + items.count
        return next < total && !items.isEmpty ? next : nil
    }
}
