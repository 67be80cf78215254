/// List prices, in cents, of the products the fake bills besides droplets (reference §7; DO's
/// post-2022 prices where the reference gives both).
enum ProductPrices {
    /// A reserved IPv4 while unassigned: $4.00 a month, $0.00595 an hour (= 4.00 / 672).
    static let reservedIPMonthlyCents = 400
    /// "Not billed unless you accrue $1 or more per floating IP": a smaller month's charge is waived.
    static let reservedIPMinimumBilledCents = 100
    /// One load balancer node: $12.00 a month.
    static let loadBalancerNodeMonthlyCents = 1_200
    /// The Spaces subscription: $5.00 a month while any bucket exists, however many.
    static let spacesSubscriptionMonthlyCents = 500
    /// Storage the subscription includes, pooled over every bucket.
    static let spacesIncludedGB = 250
    /// Storage above the included amount: $0.02 per GB-month.
    static let spacesOverageCentsPerGBMonth = 2
}
