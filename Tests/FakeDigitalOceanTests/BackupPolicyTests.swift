import DigitalOcean
import MoneyAndTime
import Testing
@testable import FakeDigitalOcean

/// Window arithmetic: 2026-03-01 is a Sunday; weekday 0 is SUN, 3 is WED.
@Suite struct BackupPolicyTests {
    private func at(_ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Timestamp {
        Timestamp(year: 2026, month: 3, day: day, hour: hour, minute: minute)
    }

    @Test func weeklyWindowsFallOnTheirWeekdayAndHour() {
        var policy = BackupPolicy(plan: .weekly, weekday: 3, hour: 8)
        #expect(policy.nextWindow(backupAfter: at(1)) == at(4, 8)..<at(4, 12))
        #expect(policy.nextWindow(backupAfter: at(4, 8)) == at(11, 8)..<at(11, 12), "strictly after: the backup at 08:00 has run")
        policy.offset = 90 * 60
        #expect(policy.nextBackup(after: at(4, 9)) == at(4, 9, 30))
        #expect(policy.nextBackup(after: at(4, 9, 30)) == at(11, 9, 30))
        #expect(BackupPolicy(plan: .weekly, weekday: 0, hour: 20).nextWindow(backupAfter: at(1)) == at(1, 20)..<at(2, 0))
    }

    @Test func dailyWindowsComeEveryDay() {
        var policy = BackupPolicy(plan: .daily, weekday: 0, hour: 20)
        policy.offset = 3 * 3_600 + 59 * 60
        #expect(policy.nextBackup(after: at(2, 12)) == at(2, 23, 59))
        #expect(policy.nextBackup(after: at(2, 23, 59)) == at(3, 23, 59))
        #expect(policy.nextWindow(backupAfter: at(2, 23, 59)) == at(3, 20)..<at(4, 0))
    }

    @Test func retentionAndShares() {
        #expect(BackupPolicy.Plan.weekly.retentionSeconds == 28 * 86_400 && BackupPolicy.Plan.daily.retentionSeconds == 7 * 86_400)
        #expect(BackupPolicy.Plan.weekly.percentOfDroplet == 20 && BackupPolicy.Plan.daily.percentOfDroplet == 30)
    }
}
