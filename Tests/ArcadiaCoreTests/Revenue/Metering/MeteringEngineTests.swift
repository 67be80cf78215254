import CoreTestSupport
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// Metering over a hand-fed ledger: what the sync observed, when, turned into usage records.
@Suite struct MeteringEngineTests {
    static let april1 = Timestamp(year: 2026, month: 4, day: 1)
    static let day = Timestamp(year: 2026, month: 4, day: 2)
    static func at(_ hour: Int, _ minute: Int = 0) -> Timestamp { day + Int64(hour * 3_600 + minute * 60) }

    let web = MeteringLedger.droplet(1, "web-1")

    /// web-1 in acme-prod from 00:00 on April 2.
    func ledgerWithWeb() throws -> MeteringLedger {
        let ledger = try MeteringLedger(at: Self.april1)
        try ledger.list(.droplet, [web], at: Self.day)
        try ledger.attribute(.droplet, "1", to: "acme-prod", at: Self.day)
        return ledger
    }

    func dayRecord(_ quantity: String, _ name: String = "web-1", deployment: String = "acme-prod") -> String {
        "\(deployment) droplet_hours \(name) 2026-04-02T00:00:00Z daily \(quantity)"
    }

    // MARK: Droplet hours from observed status

    @Test func aDropletPoweredOffAtNoonAccruesTwelveHours() throws {
        let ledger = try ledgerWithWeb()
        try ledger.list(.droplet, [MeteringLedger.droplet(1, "web-1", status: "off")], at: Self.at(12))
        let report = try ledger.meter(Self.day)
        #expect(report.written == 1)
        #expect(try ledger.records() == [dayRecord("12")])
    }

    @Test func powerOffAndOnWithinADayAccruesTheActiveStretchesOnly() throws {
        let ledger = try ledgerWithWeb()
        try ledger.list(.droplet, [MeteringLedger.droplet(1, "web-1", status: "off")], at: Self.at(9, 15))
        try ledger.list(.droplet, [web], at: Self.at(15, 30))
        try ledger.meter(Self.day)
        #expect(try ledger.records() == [dayRecord("17.75")])
    }

    @Test func aResizeKeepsAccruing() throws {
        let ledger = try ledgerWithWeb()
        try ledger.list(.droplet, [MeteringLedger.droplet(1, "web-1", size: "s-2vcpu-4gb")], at: Self.at(10, 15))
        try ledger.meter(Self.day)
        #expect(try ledger.records() == [dayRecord("24")])
    }

    /// Accrual starts at the sync that first saw it: the ledger has no earlier observation.
    @Test func aDropletCreatedMidDayAccruesFromItsFirstSighting() throws {
        let ledger = try MeteringLedger(at: Self.april1)
        try ledger.list(.droplet, [web], at: Self.at(10, 15))
        try ledger.attribute(.droplet, "1", to: "acme-prod", at: Self.at(10, 15))
        try ledger.meter(Self.day)
        #expect(try ledger.records() == [dayRecord("13.75")])
    }

    /// The rule: a resource that goes stale accrues until it was last known to exist, which is the
    /// first complete listing that missed it (16:15 here, not the stale mark at 16:45), and again
    /// from a revival.
    @Test func aDropletGoingStaleMidDayStopsAtItsFirstMissAndResumesWhenRevived() throws {
        let ledger = try ledgerWithWeb()
        for minute in [15, 30, 45] { try ledger.list(.droplet, [], at: Self.at(16, minute)) }
        try ledger.meter(Self.day)
        #expect(try ledger.records() == [dayRecord("16.25")])

        let next = Self.day + 86_400
        try ledger.list(.droplet, [web], at: next + 20 * 3_600)
        try ledger.meter(next)
        #expect(try ledger.records().last == "acme-prod droplet_hours web-1 2026-04-03T00:00:00Z daily 4")
    }

    /// Issue 16 item 7: the droplet is last listed at 16:00 and destroyed at 16:05, then every
    /// droplet listing fails for ten hours, across the nightly metering run at 01:10, which defers
    /// the day rather than bill it whole. The first complete listings (02:15, 02:30, 02:45 the
    /// next day) miss it; the next nightly run meters the deferred day up to the outage's first
    /// failure (16:15), one sync interval after it was last seen, not through the outage.
    @Test func aDropletThatVanishedDuringATenHourOutageAccruesOnlyUntilTheOutageBegan() throws {
        let ledger = try ledgerWithWeb()
        try ledger.list(.droplet, [web], at: Self.at(16))
        var time = Self.at(16, 15)
        while time < Self.at(26, 15) {
            try ledger.failListing(.droplet, at: time)
            time = time + 900
        }
        let during = try ledger.engine(at: Self.at(25, 10)).runDaily()
        #expect(during.written == 0 && during.deferred == 1)
        #expect(try ledger.records() == [])
        for minute in [15, 30, 45] { try ledger.list(.droplet, [], at: Self.at(26, minute)) }
        let after = try ledger.engine(at: Self.at(49, 10)).runDaily()
        #expect(after.written == 1 && after.deferred == 0)
        #expect(try ledger.records() == [dayRecord("16.25")])
        let events = try ledger.ledger.writer.read { db in try ResourceEvent.filter(ResourceEvent.Columns.event == "stale").fetchAll(db) }
        #expect(events.map(\.at) == [Self.at(26, 45)])
        #expect(events.map(\.newValue) == ["2026-04-02T16:15:00Z"])
        // The outage ended with the first complete listing, and the deferred day was metered.
        #expect(try ledger.ledger.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM cloud_listing_outages) + (SELECT COUNT(*) FROM metering_deferred_days)")
        } == 0)
    }

    /// A droplet that survives the outage is billed for all of it once the outage ends.
    @Test func aDropletThatSurvivesAnOutageAcrossTheNightlyRunIsBilledInFull() throws {
        let ledger = try ledgerWithWeb()
        try ledger.failListing(.droplet, at: Self.at(23))
        _ = try ledger.engine(at: Self.at(25, 10)).runDaily()
        #expect(try ledger.records() == [])
        try ledger.list(.droplet, [web], at: Self.at(26))
        _ = try ledger.engine(at: Self.at(49, 10)).runDaily()
        #expect(try ledger.records() == [dayRecord("24"), "acme-prod droplet_hours web-1 2026-04-03T00:00:00Z daily 24"])
    }

    /// An outage of another kind says nothing about droplets.
    @Test func anOutageOfAnotherKindDoesNotDateADropletsAbsence() throws {
        let ledger = try ledgerWithWeb()
        try ledger.failListing(.volume, at: Self.at(10))
        for minute in [15, 30, 45] { try ledger.list(.droplet, [], at: Self.at(16, minute)) }
        try ledger.meter(Self.day)
        #expect(try ledger.records() == [dayRecord("16.25")])
    }

    @Test func missesThatNeverReachStaleAreNoAbsence() throws {
        let ledger = try ledgerWithWeb()
        // Two misses, then the droplet is listed again: never stale, so the whole day counts.
        try ledger.list(.droplet, [], at: Self.at(16, 15))
        try ledger.list(.droplet, [], at: Self.at(16, 30))
        try ledger.list(.droplet, [web], at: Self.at(16, 45))
        try ledger.meter(Self.day)
        #expect(try ledger.records() == [dayRecord("24")])
    }

    // MARK: Deployments through project attribution

    @Test func timeInAProjectIsThatDeploymentsAndTimeInNoDeploymentIsNobodys() throws {
        let ledger = try ledgerWithWeb()
        try ledger.attribute(.droplet, "1", to: "beta-prod", at: Self.at(6))
        try ledger.attribute(.droplet, "1", to: "ops", at: Self.at(18))
        try ledger.meter(Self.day)
        #expect(try ledger.records() == [dayRecord("6"), dayRecord("12", deployment: "beta-prod")])
    }

    @Test func aResourceNotYetAttributedAccruesToNobody() throws {
        let ledger = try MeteringLedger(at: Self.april1)
        try ledger.list(.droplet, [web], at: Self.day)
        try ledger.attribute(.droplet, "1", to: "acme-prod", at: Self.at(3))
        try ledger.meter(Self.day)
        #expect(try ledger.records() == [dayRecord("21")])
    }

    // MARK: Idempotence, granularity, retention

    @Test func reMeteringADayChangesNothingEvenAfterTheLedgerMovedOn() throws {
        let ledger = try ledgerWithWeb()
        try ledger.list(.droplet, [MeteringLedger.droplet(1, "web-1", status: "off")], at: Self.at(12))
        try ledger.meter(Self.day)
        let before = try InventoryFixtures.totalChanges(ledger.ledger)
        // The next day the droplet is destroyed and goes stale; re-metering April 2 still writes nothing.
        for minute in [0, 15, 30] { try ledger.list(.droplet, [], at: Self.day + 86_400 + Int64(minute * 60)) }
        let changesBeforeRerun = try InventoryFixtures.totalChanges(ledger.ledger)
        #expect(changesBeforeRerun > before)
        let rerun = try ledger.engine(at: Self.day + 5 * 86_400).meter(day: Self.day)
        #expect(rerun.written == 0 && rerun.alreadyRecorded == 1)
        #expect(try InventoryFixtures.totalChanges(ledger.ledger) == changesBeforeRerun)
        #expect(try ledger.records() == [dayRecord("12")])
    }

    @Test func configuringAKindAgainReplacesItsPolicy() throws {
        let ledger = try ledgerWithWeb()
        let engine = ledger.engine(at: Self.day)
        try engine.configure(.dropletHours, MeteringPolicy(granularity: .hourly))
        try engine.configure(.dropletHours, MeteringPolicy(retentionDays: 30))
        try engine.configure(.dnsZones, MeteringPolicy(granularity: .hourly, retentionDays: 7))
        #expect(try engine.policies() == [.dropletHours: MeteringPolicy(retentionDays: 30),
                                          .dnsZones: MeteringPolicy(granularity: .hourly, retentionDays: 7)])
    }

    @Test func hourlyGranularityWritesTwentyFourRecordsThatSumToTheDay() throws {
        let ledger = try ledgerWithWeb()
        try ledger.engine(at: Self.day).configure(.dropletHours, MeteringPolicy(granularity: .hourly))
        try ledger.list(.droplet, [MeteringLedger.droplet(1, "web-1", status: "off")], at: Self.at(10, 30))
        let report = try ledger.meter(Self.day)
        #expect(report.written == 24)
        let records = try ledger.records()
        #expect(records[9].hasSuffix("T09:00:00Z hourly 1"))
        #expect(records[10].hasSuffix("T10:00:00Z hourly 0.5"))
        #expect(records[11].hasSuffix("T11:00:00Z hourly 0"))
        #expect(try ledger.usage("acme-prod", from: Self.day, to: Self.day + 86_400) == [.dropletHours: "10.5"])
    }

    @Test func aDayAlreadyRecordedAtAnotherGranularityIsNotCountedTwice() throws {
        let ledger = try ledgerWithWeb()
        try ledger.meter(Self.day)
        try ledger.engine(at: Self.day).configure(.dropletHours, MeteringPolicy(granularity: .hourly))
        let rerun = try ledger.engine(at: Self.day + 2 * 86_400).meter(day: Self.day)
        #expect(rerun.written == 0)
        #expect(rerun.skipped == ["droplet:web-1 (1): already recorded for 2026-04-02 at another granularity"])
        #expect(try ledger.usage("acme-prod", from: Self.april1, to: Self.april1.startOfNextMonth) == [.dropletHours: "24"])
    }

    @Test func theDailyJobMetersYesterdayAndPrunesPastRetention() throws {
        let ledger = try ledgerWithWeb()
        try ledger.engine(at: Self.day).configure(.dropletHours, MeteringPolicy(retentionDays: 2))
        for offset in 1...4 {
            let report = try ledger.engine(at: Self.day + Int64(offset) * 86_400 + 70 * 60).runDaily()
            #expect(report.day == Self.day + Int64(offset - 1) * 86_400)
        }
        // At 01:10 on April 6, records whose period ended by 01:10 on April 4 are gone.
        #expect(try ledger.records().map { String($0.split(separator: " ")[3].prefix(10)) } == ["2026-04-04", "2026-04-05"])
        #expect(try ledger.engine(at: Self.day + 4 * 86_400).policies() == [.dropletHours: MeteringPolicy(retentionDays: 2)])
    }

    /// A scenario may keep records for any count of days; one reaching back past the clock's range
    /// keeps them all (it trapped: days × 86,400 overflowed).
    @Test func aRetentionLongerThanTheClockKeepsEveryRecord() throws {
        let ledger = try ledgerWithWeb()
        try ledger.engine(at: Self.day).configure(.dropletHours, MeteringPolicy(retentionDays: 106_751_991_167_301))
        for offset in 1...3 { _ = try ledger.engine(at: Self.day + Int64(offset) * 86_400 + 70 * 60).runDaily() }
        #expect(try ledger.records().count == 3)
        #expect(MeteringPolicy(retentionDays: .max).retentionCutoff(at: Self.day) == nil)
        #expect(MeteringPolicy(retentionDays: 2).retentionCutoff(at: Self.day) == Self.day - 2 * 86_400)
        #expect(MeteringPolicy().retentionCutoff(at: Self.day) == nil)
    }

    @Test func onlyAnEndedDayNamedByItsMidnightCanBeMetered() throws {
        let ledger = try ledgerWithWeb()
        #expect(throws: MeteringError.dayNotOver(day: Self.day, now: Self.at(23, 59))) {
            try ledger.engine(at: Self.at(23, 59)).meter(day: Self.day)
        }
        #expect(throws: MeteringError.notADay(Self.at(1))) { try ledger.engine(at: Self.day + 86_400 * 3).meter(day: Self.at(1)) }
        #expect(try ledger.records().isEmpty)
    }

    // MARK: DNS zones and sized kinds

    @Test(arguments: [(2026, 2, 28), (2028, 2, 29), (2026, 4, 30), (2026, 5, 31)])
    func aZoneHeldAllMonthSumsToExactlyOne(_ month: (year: Int, month: Int, days: Int)) throws {
        let start = Timestamp(year: month.year, month: month.month, day: 1)
        let ledger = try MeteringLedger(at: start)
        try ledger.list(.dnsZone, [MeteringLedger.zone("acme.example")], at: start)
        try ledger.attribute(.dnsZone, "acme.example", to: "acme-prod", at: start)
        for day in 0..<month.days { try ledger.meter(start + Int64(day) * 86_400) }
        #expect(try ledger.records().count == month.days)
        #expect(try ledger.usage("acme-prod", from: start, to: start.startOfNextMonth) == [.dnsZones: "1"])
    }

    @Test func snapshotsAndBucketsAccrueTheirSizeTimeWeightedAndBackupsFollowTheirDroplet() throws {
        let start = Self.april1
        let ledger = try MeteringLedger(at: start)
        try ledger.list(.droplet, [web], at: start)
        try ledger.attribute(.droplet, "1", to: "beta-prod", at: start)
        try ledger.list(.snapshot, [MeteringLedger.sized(.snapshot, "77", "nightly", gigabytes: 10)], at: start)
        try ledger.attribute(.snapshot, "77", to: "acme-prod", at: start)
        try ledger.list(.spacesBucket, [MeteringLedger.sized(.spacesBucket, "assets", "assets", gigabytes: .number("2.5"))], at: start)
        try ledger.attribute(.spacesBucket, "assets", to: "acme-prod", at: start)
        try ledger.list(.dropletBackup, [MeteringLedger.sized(.dropletBackup, "b-1", "web-1 backup", gigabytes: 4, extra: ["droplet_id": "1"])],
                        at: start)
        // The snapshot doubles in size at 00:00 on the 16th: 10 GB for 15 days and 20 GB for 15.
        try ledger.list(.snapshot, [MeteringLedger.sized(.snapshot, "77", "nightly", gigabytes: 20)], at: start + 15 * 86_400)
        for day in 0..<30 { try ledger.meter(start + Int64(day) * 86_400) }
        let month = (from: start, to: start.startOfNextMonth)
        #expect(try ledger.usage("acme-prod", from: month.from, to: month.to) == [.snapshotGBMonth: "15", .spacesGBMonth: "2.5"])
        #expect(try ledger.usage("beta-prod", from: month.from, to: month.to) == [.dropletHours: "720", .backupGBMonth: "4"])
    }

    @Test func aResourceWithoutASizeIsReportedAndNotMetered() throws {
        let ledger = try MeteringLedger(at: Self.april1)
        try ledger.list(.spacesBucket, [MeteringLedger.sized(.spacesBucket, "logs", "logs", gigabytes: nil)], at: Self.day)
        try ledger.attribute(.spacesBucket, "logs", to: "acme-prod", at: Self.day)
        let report = try ledger.meter(Self.day)
        #expect(report.written == 0)
        #expect(report.skipped == ["spaces_bucket:logs (logs): no size_gigabytes observed at 2026-04-02T00:00:00Z"])
        #expect(try ledger.records().isEmpty)
    }

    @Test func usageForAnUnknownDeploymentIsRefused() throws {
        let ledger = try MeteringLedger(at: Self.april1)
        #expect(throws: MeteringError.unknownDeployment("nope")) {
            try ledger.engine(at: Self.day).usageForPeriod(deployment: "nope", from: Self.april1, to: Self.day)
        }
        #expect(try ledger.usage("acme-prod", from: Self.april1, to: Self.day).isEmpty)
    }
}
