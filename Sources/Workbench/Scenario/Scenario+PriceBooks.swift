import ArcadiaCore

/// A price book a scenario brings: from a file or written inline.
public struct PriceBookSpec: Sendable, Equatable {
    public var book: PriceBook
    /// The path as the scenario wrote it (relative to the scenario file), or `inline`; stored in
    /// `price_books.source`.
    public var source: String
    public var location: ScenarioLocation?

    public init(book: PriceBook, source: String, location: ScenarioLocation? = nil) {
        self.book = book
        self.source = source
        self.location = location
    }
}
