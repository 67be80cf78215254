/// The rounding rule that makes a month of usage records sum exactly.
///
/// Within a calendar month, a resource's exact accrual from the 1st up to an instant `t` is a
/// fraction `A(t) = N(t) / D` (for a DNS zone held since the 1st, seconds held ÷ seconds in the
/// month). A record for the period `[a, b)` holds `R(A(b)) − R(A(a))`, where `R` rounds half up to
/// millionths (`UsageQuantity.scale`). Rounding the running total instead of each record is what
/// makes sums exact:
///
/// - **Telescoping.** Records for consecutive periods `[t0, t1), [t1, t2), …, [tk−1, tk)` sum to
///   `R(A(tk)) − R(A(t0))`: every inner term cancels. A zone held the whole month has `A = 0` on
///   the 1st and `A = 1` at the month's end, so its 28, 29, 30 or 31 daily records sum to
///   `R(1) − R(0) = 1` exactly; so do its 24 × days hourly records, and the 24 hourly records of a
///   day sum to that day's daily record (the day's bounds are among the hours' bounds).
/// - **Close to exact.** `|R(x) − x| ≤ ½` millionth, so each record is within one millionth of its
///   exact share, and any run of records within one millionth of the exact total.
/// - **Never negative.** `A` never decreases and `R` is monotone.
/// - **Pure.** A record depends only on the observed history, not on earlier records, so
///   re-metering a period (or metering it late) gives the same value.
///
/// The remainder is spread, not dumped on the last day: a zone held all of a 31-day month gets
/// 0.032258 on 29 days and 0.032259 on the two (the 8th and the 24th) where the rounded running
/// total takes the larger step; 29 × 0.032258 + 2 × 0.032259 = 1.
enum CumulativeRounding {
    /// `R(numerator / denominator)` in millionths: half up, in integer arithmetic — the rule of
    /// `Money.roundHalfUp`, in 128 bits because GB × seconds × 10⁶ overflows 64.
    static func millionths(_ numerator: Int128, over denominator: Int128) -> Int64 {
        precondition(numerator >= 0 && denominator > 0, "accrual is a non-negative fraction")
        let scaled = numerator * Int128(UsageQuantity.unitsPerOne)
        return Int64((2 * scaled + denominator) / (2 * denominator))
    }

    /// The record for `[a, b)` given the running totals `N(a)` and `N(b)` over the same denominator.
    static func quantity(from start: Int128, to end: Int128, over denominator: Int128) -> UsageQuantity {
        UsageQuantity(millionths: millionths(end, over: denominator) - millionths(start, over: denominator))
    }
}
