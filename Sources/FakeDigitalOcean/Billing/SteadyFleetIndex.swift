import MoneyAndTime
import Synchronization

/// What the hourly balance needs to know about the fleet, worked out once per change of the
/// history rather than once per virtual hour. A droplet created, and last resized, by the start
/// of the period and not destroyed is charged for the same hours as every other such droplet, so
/// only its price matters: those are counted per price, and only the others (new, resized or
/// destroyed within the period) are charged one by one. A year of hourly balances over 1,000
/// unchanged droplets then costs a handful of multiplications an hour. Of the others, one created
/// within the period at the size it still has is a start and a price (`fresh`), one resized within
/// it is worked out up to its last resize (`DropletCharges.Resized`); droplets destroyed
/// by the start of the period cost nothing in it and are left out; those destroyed since owe the
/// same once the period reaches their end, so they are summed once (`settled`), not every hour.
///
/// `DropletHistory` replaces its index on every change, so copies of a history share an index only
/// while their lives are equal.
final class SteadyFleetIndex: Sendable {
    struct Split: Sendable {
        /// Period start the split was made for.
        let from: Timestamp
        /// Monthly price in cents → how many steady droplets have it, in price order.
        let steady: [(priceCents: Int, count: Int)]
        /// Living droplets created within the period and not resized since: when each was
        /// created, and its monthly price in cents.
        let fresh: [(createdAt: Timestamp, priceCents: Int)]
        /// The living droplets resized within the period, worked out up to their last resize.
        let resized: [DropletCharges.Resized]
        /// Positions in `lives` of living droplets resized within the period whose figures overflowed.
        let resizedOneByOne: [Int]
        /// Positions in `lives` of the droplets destroyed within the period.
        let destroyed: [Int]
        /// When the last of `destroyed` was destroyed: a period reaching it owes `settled` for them.
        let settledAt: Timestamp
        /// Σ of `destroyed`'s charges from `from` to their ends (nil on overflow: they are then
        /// charged one by one, which reports it).
        let settled: Money?
    }

    private let split = Mutex<Split?>(nil)
    private let backedUp = Mutex<[Int]?>(nil)

    /// Positions in `lives` of the droplets that ever had backups (most never do).
    func backedUp(_ lives: [DropletLife]) -> [Int] {
        backedUp.withLock { cached in
            if let cached { return cached }
            let made = lives.indices.filter { !lives[$0].backupChanges.isEmpty }
            cached = made
            return made
        }
    }

    /// The split for a period starting at `from`, made from `lives` on first use.
    func split(from: Timestamp, lives: [DropletLife]) -> Split {
        split.withLock { cached in
            if let cached, cached.from == from { return cached }
            // Monthly price → steady droplets at it: a fleet uses a handful of prices, so a short
            // list searched from the last price found beats hashing each droplet's.
            var steady: [(priceCents: Int, count: Int)] = []
            var last = 0
            var fresh: [(createdAt: Timestamp, priceCents: Int)] = []
            var resized: [DropletCharges.Resized] = []
            var resizedOneByOne: [Int] = []
            var destroyed: [Int] = []
            var settledAt = from
            // Fields read in place: a copy of each life (its arrays retained and released) cost
            // more than the test, and the split is made again after every change to the fleet.
            for index in lives.indices {
                if let destroyedAt = lives[index].destroyedAt {
                    guard destroyedAt > from else { continue }
                    destroyed.append(index)
                    settledAt = max(settledAt, destroyedAt)
                } else if lives[index].currentSize.since <= from {
                    let price = lives[index].currentSize.size.priceMonthlyCents
                    if last >= steady.count || steady[last].priceCents != price {
                        last = steady.firstIndex { $0.priceCents == price } ?? steady.count
                        if last == steady.count { steady.append((price, 0)) }
                    }
                    steady[last].count += 1
                } else if lives[index].currentSize.since == lives[index].createdAt {
                    fresh.append((lives[index].createdAt, lives[index].currentSize.size.priceMonthlyCents))
                } else if let droplet = try? DropletCharges.Resized(lives[index], at: index, from: from) {
                    resized.append(droplet)
                } else {
                    resizedOneByOne.append(index)
                }
            }
            let settled = try? Self.charges(of: destroyed, lives, in: from..<settledAt)
            let made = Split(from: from, steady: steady.sorted { $0.priceCents < $1.priceCents }, fresh: fresh, resized: resized,
                             resizedOneByOne: resizedOneByOne, destroyed: destroyed, settledAt: settledAt, settled: settled)
            cached = made
            return made
        }
    }

    /// Σ of the charges of the droplets at `positions`, each worked out alone.
    static func charges(of positions: [Int], _ lives: [DropletLife], in period: Range<Timestamp>) throws(MoneyOverflow) -> Money {
        var total = Money.zero
        for position in positions { total = try total.adding(DropletCharges.usage(for: lives[position], in: period)) }
        return total
    }
}
