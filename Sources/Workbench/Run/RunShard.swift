/// `--shard I/N`: the I-th of N deterministic slices of a run's scenario files, for a CI matrix.
/// Slices are contiguous and as even as can be (sizes differ by at most one), so the shards'
/// JUnit reports merged in shard order (`arcadia junit merge`) list the suites exactly as an
/// unsharded run does.
public struct RunShard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public init(index: Int, count: Int) throws(Invalid) {
        guard count >= 1, (1...count).contains(index) else {
            throw Invalid(description: "a shard is I/N with 1 ≤ I ≤ N (1-based), e.g. 1/2; found \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Reads `I/N`.
    public init(parsing text: String) throws(Invalid) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw Invalid(description: "a shard is written I/N (1-based), e.g. 1/2; found '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    /// The positions (0-based, in the run's file order) of this shard's files among `total`.
    public func positions(of total: Int) -> Range<Int> {
        (index - 1) * total / count ..< index * total / count
    }

    /// The last shard also answers for the whole run's golden folders (orphans), whose suite an
    /// unsharded report puts last: merged in order, the shards then equal the unsharded report.
    public var checksOrphans: Bool { index == count }

    public var description: String { "\(index)/\(count)" }
}
