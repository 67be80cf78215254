import DigitalOcean
import MoneyAndTime

/// One `subscriptions` row with its addons: a deployment held `planCode` (and `addonCodes`) over
/// `[startedAt, endedAt)`. A change of plan or addons is a new row, so each row prices one
/// unchanging combination and a period's lines can be prorated row by row.
public struct Subscription: Sendable, Equatable {
    public var id: Int64
    public var deploymentID: Int64
    public var deploymentCode: String
    public var planCode: String
    /// Sorted, without repeats.
    public var addonCodes: [String]
    public var startedAt: Timestamp
    /// Nil while live.
    public var endedAt: Timestamp?

    public init(id: Int64, deploymentID: Int64, deploymentCode: String, planCode: String, addonCodes: [String],
                startedAt: Timestamp, endedAt: Timestamp?) {
        self.id = id
        self.deploymentID = deploymentID
        self.deploymentCode = deploymentCode
        self.planCode = planCode
        self.addonCodes = addonCodes
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}
