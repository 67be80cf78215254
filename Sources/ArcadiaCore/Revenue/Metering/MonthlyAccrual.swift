import DigitalOcean
import MoneyAndTime

/// One resource's accrual for one deployment within one calendar month: the running total
/// `N(t)` over a fixed denominator `D` that `CumulativeRounding` turns into records.
///
/// | measure | `N(t)`: Σ over the spans from the 1st to `t` | `D` |
/// |---|---|---|
/// | active hours | seconds spent `active` | 3 600 |
/// | GB-months | seconds held × size in billionths of a GB | seconds in the month × 10⁹ |
/// | months | seconds held | seconds in the month |
///
/// Only spans attributed to the deployment's project count: time in another project is that
/// deployment's, and time in no project is nobody's.
struct MonthlyAccrual {
    /// Sizes are read exactly to nine decimals of a GB (a byte is 10⁻⁹ GB).
    static let sizeScale: Int128 = 1_000_000_000

    let measure: MeteredKinds.Measure
    let spans: [ObservedTimeline.Span]
    let denominator: Int128
    /// The rate of each span, in `N`'s units per second.
    private let rates: [Int128]

    /// `spans` must lie within one month (`monthStart ..< monthEnd`) and be the deployment's.
    init(measure: MeteredKinds.Measure, spans: [ObservedTimeline.Span], monthStart: Timestamp) throws(AccrualError) {
        self.measure = measure
        self.spans = spans
        let monthSeconds = Int128(monthStart.startOfNextMonth - monthStart)
        switch measure {
        case .activeHours:
            denominator = 3_600
            rates = spans.map { $0.status == "active" ? 1 : 0 }
        case .months:
            denominator = monthSeconds
            rates = spans.map { _ in 1 }
        case .gigabyteMonths:
            denominator = monthSeconds * Self.sizeScale
            var rates: [Int128] = []
            for span in spans {
                guard let text = span.size else { throw AccrualError.noSize(at: span.start) }
                guard let size = Self.billionths(text) else { throw AccrualError.badSize(text) }
                rates.append(size)
            }
            self.rates = rates
        }
    }

    /// `N(t)`: the exact running total from the 1st up to `t`.
    func running(at time: Timestamp) -> Int128 {
        var total: Int128 = 0
        for (span, rate) in zip(spans, rates) where span.start < time {
            total += rate * Int128(min(span.end, time) - span.start)
        }
        return total
    }

    /// Seconds of `[start, end)` the resource was the deployment's: a period with none has no record.
    func secondsHeld(from start: Timestamp, to end: Timestamp) -> Int64 {
        spans.reduce(0) { $0 + max(0, min($1.end, end) - max($1.start, start)) }
    }

    /// The record for `[start, end)`.
    func quantity(from start: Timestamp, to end: Timestamp) -> UsageQuantity {
        CumulativeRounding.quantity(from: running(at: start), to: running(at: end), over: denominator)
    }

    /// `25`, `2.5`, `0.000000001`: a plain non-negative decimal with at most nine decimals.
    static func billionths(_ text: String) -> Int128? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
        guard digits(parts[0]), parts[0].count <= 15, parts.count == 1 || (digits(parts[1]) && parts[1].count <= 9),
              let whole = Int128(parts[0]) else { return nil }
        let fraction = parts.count == 2 ? Int128(parts[1].padding(toLength: 9, withPad: "0", startingAt: 0))! : 0
        return whole * sizeScale + fraction
    }
}

/// Why a resource could not be metered for a day: the run reports it and writes no record for it.
enum AccrualError: Error, Equatable, CustomStringConvertible {
    case noSize(at: Timestamp)
    case badSize(String)

    var description: String {
        switch self {
        case .noSize(let at): "no size_gigabytes observed at \(at)"
        case .badSize(let text): "size_gigabytes '\(text)' is not a plain decimal with at most nine decimals"
        }
    }
}
