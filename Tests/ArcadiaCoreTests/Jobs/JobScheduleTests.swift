import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Testing

@Suite struct JobScheduleTests {
    func t(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    @Test func everyFifteenMinutesFiresOnTheQuarterHours() {
        let schedule = JobSchedule.every(minutes: 15, offset: 0)
        #expect(schedule.firstFiring(atOrAfter: t("2026-04-01T00:00:00Z")) == t("2026-04-01T00:00:00Z"))
        #expect(schedule.nextFiring(after: t("2026-04-01T00:00:00Z")) == t("2026-04-01T00:15:00Z"))
        #expect(schedule.nextFiring(after: t("2026-04-01T23:59:59Z")) == t("2026-04-02T00:00:00Z"))
    }

    @Test func hourlyAndDailyFireAtTheirMinute() {
        #expect(JobSchedule.hourly(minute: 33).nextFiring(after: t("2026-04-01T10:33:00Z")) == t("2026-04-01T11:33:00Z"))
        #expect(JobSchedule.hourly(minute: 33).nextFiring(after: t("2026-04-01T10:32:59Z")) == t("2026-04-01T10:33:00Z"))
        #expect(JobSchedule.daily(hour: 2, minute: 23).nextFiring(after: t("2026-04-01T02:23:00Z")) == t("2026-04-02T02:23:00Z"))
    }

    @Test func monthlyCrossesTheYearEnd() {
        let schedule = JobSchedule.monthly(day: 1, hour: 3, minute: 0)
        #expect(schedule.nextFiring(after: t("2026-12-01T03:00:00Z")) == t("2027-01-01T03:00:00Z"))
        #expect(schedule.firstFiring(atOrAfter: t("2026-12-01T03:00:00Z")) == t("2026-12-01T03:00:00Z"))
    }

    @Test func theProductionTableRunsProjectsAfterTheWorkersThatCreateResources() {
        let jobs = JobTable.production.map(\.job)
        #expect(jobs.firstIndex(of: .syncProjects)! > jobs.firstIndex(of: .syncDroplets)!)
        #expect(jobs.firstIndex(of: .syncProjects)! > jobs.firstIndex(of: .syncDomains)!)
        #expect(Set(jobs).count == jobs.count)
    }

    @Test func imagesAreSyncedHourlyAtTheirOwnMinutes() {
        let schedules = Dictionary(uniqueKeysWithValues: JobTable.production.map { ($0.job, $0.schedule) })
        #expect(schedules[.syncSnapshots] == .hourly(minute: 33))
        #expect(schedules[.syncBackups] == .hourly(minute: 41))
    }
}
