/// `cloud_cost_lines.match_status`: whether a line is tied to an inventoried resource.
public enum CostMatchStatus: String, Sendable, CaseIterable {
    case matched
    case unmatched
}
