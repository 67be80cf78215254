/// The one table from inventory kinds to billing kinds, and how each accrues. Kinds not listed
/// (volumes, reserved IPs, load balancers, …) are not metered: no plan prices them yet.
public enum MeteredKinds {
    /// How a resource's observed state turns into a quantity.
    public enum Measure: Sendable, Equatable {
        /// Hours the resource's observed status was `active` (a droplet that is `off`, `new` or
        /// `archive` accrues nothing; a resize changes nothing).
        case activeHours
        /// `size_gigabytes` (from the resource's attributes) ÷ the month's length: a resource of
        /// S GB held for a whole month accrues S GB-months, one day of it S ÷ days in the month.
        case gigabyteMonths
        /// 1 ÷ the month's length per day held: a whole month accrues exactly 1.
        case months
    }

    public struct Entry: Sendable, Equatable {
        public var billingKind: BillingKind
        public var measure: Measure
        /// A droplet backup is in no project of its own: it is the deployment's whose droplet it
        /// backs (attribute `droplet_id`), unless it was attributed itself.
        public var followsParentDroplet: Bool
    }

    public static let table: [ResourceKind: Entry] = [
        .droplet: Entry(billingKind: .dropletHours, measure: .activeHours, followsParentDroplet: false),
        .spacesBucket: Entry(billingKind: .spacesGBMonth, measure: .gigabyteMonths, followsParentDroplet: false),
        .snapshot: Entry(billingKind: .snapshotGBMonth, measure: .gigabyteMonths, followsParentDroplet: false),
        .dropletBackup: Entry(billingKind: .backupGBMonth, measure: .gigabyteMonths, followsParentDroplet: true),
        .dnsZone: Entry(billingKind: .dnsZones, measure: .months, followsParentDroplet: false),
    ]

    /// Every billing kind metering produces, in name order.
    public static var billingKinds: [BillingKind] { table.values.map(\.billingKind).sorted() }

    /// The attribute holding a resource's size in GB.
    static let sizeAttribute = "size_gigabytes"
    /// The attribute naming a backup's droplet.
    static let parentDropletAttribute = "droplet_id"
}
