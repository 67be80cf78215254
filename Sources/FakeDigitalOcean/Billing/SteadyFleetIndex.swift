import MoneyAndTime
import Synchronization

/// What the hourly balance needs to know about the fleet, worked out once per change of the
/// history rather than once per virtual hour. A droplet created, and last resized, by the start
/// of the period and not destroyed is charged for the same hours as every other such droplet, so
/// only its price matters: those are counted per price, and only the others (new, resized or
/// destroyed within the period) are charged one by one. A year of hourly balances over 1,000
/// unchanged droplets then costs a handful of multiplications an hour.
///
/// `DropletHistory` replaces its index on every change, so copies of a history share an index only
/// while their lives are equal.
final class SteadyFleetIndex: Sendable {
    struct Split: Sendable {
        /// Period start the split was made for.
        let from: Timestamp
        /// Monthly price in cents → how many steady droplets have it, in price order.
        let steady: [(priceCents: Int, count: Int)]
        /// Positions in `lives` of the droplets charged one by one.
        let others: [Int]
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
            var counts: [Int: Int] = [:]
            var others: [Int] = []
            // Fields read in place: a copy of each life (its arrays retained and released) cost
            // more than the test, and the split is made again after every change to the fleet.
            for index in lives.indices {
                if lives[index].destroyedAt == nil, lives[index].createdAt <= from, lives[index].currentSize.since <= from {
                    counts[lives[index].currentSize.size.priceMonthlyCents, default: 0] += 1
                } else {
                    others.append(index)
                }
            }
            let made = Split(from: from, steady: counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, others: others)
            cached = made
            return made
        }
    }
}
