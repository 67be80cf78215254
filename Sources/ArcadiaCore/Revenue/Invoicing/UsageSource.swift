import DigitalOcean
import Foundation
import MoneyAndTime

/// Where the rollup gets a deployment's metered usage: quantity per billing kind over
/// `[from, to)`: in production metering's `usage_for_period` (`metered(by:)`); in tests a fake.
/// A struct of closures so the rollup depends on what it asks, not on the metering engine.
public struct UsageSource: Sendable {
    public var usage: @Sendable (_ deploymentID: Int64, _ from: Timestamp, _ to: Timestamp) throws -> [BillingKind: Decimal]

    public init(usage: @escaping @Sendable (_ deploymentID: Int64, _ from: Timestamp, _ to: Timestamp) throws -> [BillingKind: Decimal]) {
        self.usage = usage
    }

    /// What metering recorded: `usage_for_period` over `usage_records`.
    public static func metered(by engine: MeteringEngine) -> UsageSource {
        UsageSource { deploymentID, from, to in try engine.usageForPeriod(deploymentID: deploymentID, from: from, to: to) }
    }
}
