/// The share of an invoice's lines tied to a resource, as an exact fraction plus one fixed text
/// form, so reports and goldens never carry binary floating point.
public struct MatchRate: Sendable, Equatable, CustomStringConvertible {
    public var matched: Int
    public var total: Int

    public init(matched: Int, total: Int) {
        precondition(matched >= 0 && matched <= total, "matched \(matched) of \(total)")
        self.matched = matched
        self.total = total
    }

    /// The percentage with one decimal, rounded half up (`2/3` → `66.7%`, `1/8` → `12.5%`);
    /// `n/a` for an invoice without lines.
    public var percentText: String {
        guard total > 0 else { return "n/a" }
        let tenths = (2_000 * matched + total) / (2 * total)
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `5/8 (62.5%)`.
    public var description: String { "\(matched)/\(total) (\(percentText))" }
}
