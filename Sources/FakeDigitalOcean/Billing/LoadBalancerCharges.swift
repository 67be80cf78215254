import DigitalOcean
import MoneyAndTime

/// DO's load balancer billing, the droplet rule applied to nodes: one line per node count the
/// balancer had within the period (a resize splits it; a count used twice is one line), whole
/// hours at that count (a partial hour truncated, minimum 1), charged `hours × nodes × $12 / 672`
/// rounded half up, capped at `nodes × $12` a month, minimum $0.01. Product `Load Balancers`,
/// description `<name> (<n> node[s])`.
enum LoadBalancerCharges {
    static func lines(for life: SteppedLife<Int>, in period: Range<Timestamp>) -> [InvoiceLine] {
        var nodeCounts: [Int] = []
        for stretch in life.stretches where !nodeCounts.contains(stretch.value) {
            nodeCounts.append(stretch.value)
        }
        return nodeCounts.compactMap { nodes in
            let stretches = life.stretches.filter { $0.value == nodes }.map { (start: $0.start, end: $0.end) }
            guard let time = ClippedTime(stretches, in: period) else { return nil }
            let hours = DropletCharges.billableHours(seconds: time.seconds)
            return InvoiceLine(
                product: "Load Balancers", description: "\(life.name) (\(nodes) node\(nodes == 1 ? "" : "s"))", hours: hours,
                start: time.start, end: time.end,
                amount: DropletCharges.charge(hours: hours, monthlyCents: nodes * ProductPrices.loadBalancerNodeMonthlyCents),
                projectName: life.projectName, category: "iaas")
        }
    }
}

/// Load balancers in the order they were created.
struct LoadBalancerLineProducer: InvoiceLineProducer {
    func lines(in period: Range<Timestamp>, world: BillableHistory) -> [InvoiceLine] {
        world.loadBalancers.lives.flatMap { LoadBalancerCharges.lines(for: $0, in: period) }
    }
}
