import DigitalOcean
import Foundation

/// Where the rollup gets a deployment's metered usage: quantity per billing kind over
/// `[from, to)`. Metering implements it over `usage_records` (`usage_for_period`); tests pass a
/// fake. A struct of closures so the rollup depends on what it asks, not on the metering engine.
public struct UsageSource: Sendable {
    public var usage: @Sendable (_ deploymentID: Int64, _ from: Timestamp, _ to: Timestamp) throws -> [String: Decimal]

    public init(usage: @escaping @Sendable (_ deploymentID: Int64, _ from: Timestamp, _ to: Timestamp) throws -> [String: Decimal]) {
        self.usage = usage
    }

    /// Reports no usage for any deployment, so invoices carry base and addon lines only. The job
    /// runner uses it until metering's source over `usage_records` is wired in.
    public static let unmetered = UsageSource { _, _, _ in [:] }
}
