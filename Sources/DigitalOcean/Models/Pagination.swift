/// `links` of a list response. DO omits it, sends `{}`, or sends `{"pages": {}}` on a single page,
/// so every part is optional.
public struct Links: Codable, Sendable, Equatable {
    public var pages: Pages?

    public init(pages: Pages? = nil) {
        self.pages = pages
    }
}

/// Absolute page URLs; only the ones that make sense for the current page are present.
public struct Pages: Codable, Sendable, Equatable {
    public var first: String?
    public var prev: String?
    public var next: String?
    public var last: String?

    public init(first: String? = nil, prev: String? = nil, next: String? = nil, last: String? = nil) {
        self.first = first
        self.prev = prev
        self.next = next
        self.last = last
    }
}

/// `meta` of a list response. `total` counts objects across all pages; billing history may omit it.
public struct Meta: Codable, Sendable, Equatable {
    public var total: Int?

    public init(total: Int?) {
        self.total = total
    }
}
