/// How much a scenario file may ask the simulator to do, checked as it is parsed so that a run
/// whose size would be hours (a clock from year 0 to 9999, thirty thousand droplets) is refused at
/// its line instead. Scenarios built in code (the bench fleet) are not parsed and not held to these.
public enum ScenarioLimits {
    /// The longest clock: three years, in days.
    public static let maximumClockDays: Int64 = 1_096
    /// World droplets × clock days (a partial day counted whole). A day of 30,000 droplets took
    /// 166 s; this budget keeps a run to a few minutes.
    public static let maximumDropletDays: Int64 = 50_000

    static func days(_ clock: ClockRange) -> Int64 {
        (clock.end.seconds - clock.start.seconds + 86_399) / 86_400
    }

    static func checkSpan(_ clock: ClockRange, at field: YAMLField, reader: YAMLNodeReader) throws(ScenarioError) {
        let days = days(clock)
        guard days <= maximumClockDays else {
            throw reader.error(field, "the clock spans \(days) days; a scenario may simulate at most \(maximumClockDays) days (three years)")
        }
    }

    /// `droplets` is the world's count so far, after the list item at `field`.
    static func checkDropletDays(droplets: Int, clock: ClockRange, at field: YAMLField, reader: YAMLNodeReader) throws(ScenarioError) {
        let days = max(0, days(clock))
        guard Int64(droplets) * days <= maximumDropletDays else {
            throw reader.error(field, "brings the world to \(droplets) droplets over the clock's \(days) days, more than \(maximumDropletDays) "
                               + "droplet-days; a run that size takes minutes: shorten the clock or declare fewer droplets")
        }
    }
}
