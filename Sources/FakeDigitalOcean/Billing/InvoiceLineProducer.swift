import DigitalOcean

/// One billable product: turns the world's history into invoice lines for a period. Each product
/// is a producer in `InvoiceDraft.producers`, reading its own history.
protocol InvoiceLineProducer: Sendable {
    func lines(in period: Range<Timestamp>, world: BillableHistory) -> [InvoiceLine]
    /// Σ of the lines' amounts; a producer may compute it without building the lines.
    func subtotal(in period: Range<Timestamp>, world: BillableHistory) -> Money
}

extension InvoiceLineProducer {
    func subtotal(in period: Range<Timestamp>, world: BillableHistory) -> Money {
        lines(in: period, world: world).map(\.amount).sum()
    }
}

/// What producers read: everything the world keeps about the past.
struct BillableHistory: Sendable {
    var droplets: DropletHistory
    /// Node counts over each load balancer's life.
    var loadBalancers = KeyedHistory<SteppedLife<Int>>()
    /// Whether each reserved IP was assigned, over its life (it bills while unassigned).
    var reservedIPs = KeyedHistory<SteppedLife<Bool>>()
    /// GB stored over each Spaces bucket's life.
    var spacesBuckets = KeyedHistory<SteppedLife<Int>>()
}

/// Droplets in id order, each droplet's lines in order of first use.
struct DropletLineProducer: InvoiceLineProducer {
    func lines(in period: Range<Timestamp>, world: BillableHistory) -> [InvoiceLine] {
        world.droplets.lives.flatMap { DropletCharges.lines(for: $0, in: period) }
    }

    func subtotal(in period: Range<Timestamp>, world: BillableHistory) -> Money {
        world.droplets.lives.map { DropletCharges.usage(for: $0, in: period) }.sum()
    }
}
