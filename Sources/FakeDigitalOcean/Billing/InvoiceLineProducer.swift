import DigitalOcean
import MoneyAndTime

/// One billable product: turns the world's history into invoice lines for a period. Each product
/// is a producer in `InvoiceDraft.producers`, reading its own history.
protocol InvoiceLineProducer: Sendable {
    func lines(in period: Range<Timestamp>, world: BillableHistory) throws(MoneyOverflow) -> [InvoiceLine]
    /// Σ of the lines' amounts; a producer may compute it without building the lines.
    func subtotal(in period: Range<Timestamp>, world: BillableHistory) throws(MoneyOverflow) -> Money
}

extension InvoiceLineProducer {
    func subtotal(in period: Range<Timestamp>, world: BillableHistory) throws(MoneyOverflow) -> Money {
        try lines(in: period, world: world).map(\.amount).sum()
    }
}

/// What producers read: everything the world keeps about the past.
struct BillableHistory: Sendable {
    var droplets: DropletHistory
    /// Volumes and snapshots, in creation order.
    var storage = StorageHistory()
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

    func subtotal(in period: Range<Timestamp>, world: BillableHistory) throws(MoneyOverflow) -> Money {
        try world.droplets.usage(in: period)
    }
}

/// Backup lines, droplets in id order (the backups' share of each droplet, `BackupCharges`).
struct BackupLineProducer: InvoiceLineProducer {
    func lines(in period: Range<Timestamp>, world: BillableHistory) throws(MoneyOverflow) -> [InvoiceLine] {
        var lines: [InvoiceLine] = []
        for life in world.droplets.lives { lines += try BackupCharges.lines(for: life, in: period) }
        return lines
    }

    /// The hourly balance asks for this over the whole fleet; most droplets never had backups.
    func subtotal(in period: Range<Timestamp>, world: BillableHistory) throws(MoneyOverflow) -> Money {
        var total = Money.zero
        for position in world.droplets.backedUp {
            total = try total.adding(BackupCharges.lines(for: world.droplets.lives[position], in: period).map(\.amount).sum())
        }
        return total
    }
}

/// Volume and snapshot lines in creation order (`StorageCharges`).
struct StorageLineProducer: InvoiceLineProducer {
    func lines(in period: Range<Timestamp>, world: BillableHistory) -> [InvoiceLine] {
        world.storage.lives.compactMap { StorageCharges.line(for: $0, in: period) }
    }
}
