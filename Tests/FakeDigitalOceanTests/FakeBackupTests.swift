import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing
import TestSupport

/// `start` (2026-03-01) is a Sunday.
@Suite struct FakeBackupTests {
    private let day: Int64 = 86_400

    private func backups(_ fake: FakeDigitalOcean) async throws -> [Image] {
        try await fake.client.dropletBackups(dropletID: try fake.dropletID(name: "web-001")).items
    }

    private func droplet(_ fake: FakeDigitalOcean) async throws -> Droplet {
        try #require(try await fake.client.droplets().items.first)
    }

    @Test func enablingShowsTheFeatureAndTheNextFourHourWindow() async throws {
        let fake = try fakeWithDroplets(1)
        #expect(try await droplet(fake).nextBackupWindow == nil)
        try fake.enableBackups(droplet: "web-001", plan: .weekly, weekday: 0, hour: 20)
        let enabled = try await droplet(fake)
        #expect(enabled.features.first == "backups")
        #expect(enabled.nextBackupWindow == Droplet.BackupWindow(start: "2026-03-01T20:00:00Z", end: "2026-03-02T00:00:00Z"))
        #expect(enabled.backupIDs == [])
    }

    @Test func weeklyBackupsRunInTheirWindowAndTheFifthReplacesTheFirst() async throws {
        let fake = try fakeWithDroplets(1)
        try fake.enableBackups(droplet: "web-001", plan: .weekly, weekday: 0, hour: 20)
        fake.advance(to: start + 1 * day)
        let first = try await backups(fake)
        #expect(first.count == 1)
        let firstBackup = try #require(first.first)
        let firstAt = try #require(Timestamp(iso8601: firstBackup.createdAt))
        #expect(firstAt >= start + 20 * 3_600 && firstAt < start + 24 * 3_600, "inside Sunday's 20:00-24:00 window")
        #expect(try await droplet(fake).nextBackupWindow?.start == "2026-03-08T20:00:00Z")
        #expect(try await droplet(fake).backupIDs == first.map(\.id))

        fake.advance(to: firstAt + 28 * day - 1)
        let four = try await backups(fake)
        #expect(four.count == 4)
        #expect(four.map(\.createdAt) == (0..<4).map { (firstAt + Int64($0) * 7 * day).iso8601 }, "exactly a week apart")
        fake.advance(to: firstAt + 28 * day)
        let after = try await backups(fake)
        let fifth = try #require(after.last)
        #expect(after.map(\.id) == Array(four.dropFirst().map(\.id)) + [fifth.id])
        #expect(after.count == 4 && after.first?.id != first[0].id)
    }

    @Test func dailyBackupsAreKeptSevenDays() async throws {
        let fake = try fakeWithDroplets(1)
        try fake.enableBackups(droplet: "web-001", plan: .daily, hour: 4)
        fake.advance(to: start + 20 * day)
        let kept = try await backups(fake)
        #expect(kept.count == 7)
        let times = kept.compactMap { Timestamp(iso8601: $0.createdAt) }
        #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 == day })
        #expect(times.allSatisfy { ($0 - $0.startOfDay) >= 4 * 3_600 && ($0 - $0.startOfDay) < 8 * 3_600 })
    }

    /// The clock runs backups from a schedule of each droplet's next event, not by asking every
    /// droplet: an event added later (backups enabled, a backup taken out of schedule that expires
    /// before the next one is taken) must still run on time.
    @Test func eventsAddedWhileTheScheduleIsIdleAreRunOnTime() async throws {
        let fake = try fakeWithDroplets(1)
        fake.advance(to: start + day)
        try fake.enableBackups(droplet: "web-001", plan: .daily, hour: 4)
        fake.advance(to: start + 2 * day)
        #expect(try await backups(fake).count == 1, "enabled after a step of the clock with no backups anywhere")

        fake.advance(to: start + 2 * day + 3_600)
        try fake.takeBackup(droplet: "web-001", keptUntil: start + 2 * day + 2 * 3_600)
        #expect(try await backups(fake).count == 2)
        fake.advance(to: start + 2 * day + 2 * 3_600)
        #expect(try await backups(fake).count == 1, "kept until 02:00, hours before the next daily backup")
    }

    @Test func backupKeysMatchDOsExampleAndSizesFitTheDisk() async throws {
        let fake = try fakeWithDroplets(1)
        try fake.enableBackups(droplet: "web-001", plan: .daily)
        fake.advance(to: start + 3 * day)
        let response = fake.get("/v2/droplets/\(try fake.dropletID(name: "web-001"))/backups")
        let listed = try #require(try response.json()["backups"] as? [[String: Any]])
        let verbatim = try #require((try JSONSerialization.jsonObject(with: Fixture.data("droplet_backups.json")) as? [String: Any])?["backups"] as? [[String: Any]])
        #expect(listed.count >= 2 && listed.allSatisfy { Set($0.keys) == Set(verbatim[0].keys) })
        for backup in try await backups(fake) {
            #expect(backup.type == "backup" && backup.minDiskSize == 25 && backup.sizeGigabytes > 0 && backup.sizeGigabytes <= 25)
            #expect(backup.name == "web-001- \(backup.createdAt.prefix(10))")
        }
    }

    @Test func disablingOrDestroyingDeletesTheBackups() async throws {
        let fake = try fakeWithDroplets(2)
        try fake.enableBackups(droplet: "web-001", plan: .daily)
        try fake.enableBackups(droplet: "web-002", plan: .daily)
        fake.advance(to: start + 3 * day)
        #expect(try await backups(fake).count >= 2)
        try fake.disableBackups(droplet: "web-001")
        #expect(try await backups(fake).isEmpty)
        let disabled = try await droplet(fake)
        #expect(!disabled.features.contains("backups") && disabled.backupIDs.isEmpty && disabled.nextBackupWindow == nil)
        let other = try fake.dropletID(name: "web-002")
        try fake.destroyDroplet(name: "web-002")
        #expect(fake.get("/v2/droplets/\(other)/backups").status == 404)
        fake.advance(to: start + 10 * day)
        #expect(try await backups(fake).isEmpty, "no backup is taken once they are off")
    }

    @Test func backupsAreRefusedTwiceAndWindowsAreDOs() throws {
        let fake = try fakeWithDroplets(1)
        #expect(throws: FakeWorldError.conflict(.backupsNotEnabled(droplet: "web-001"))) { try fake.disableBackups(droplet: "web-001") }
        #expect(throws: FakeWorldError.invalidArgument("a backup window starts at hour 0, 4, 8, 12, 16 or 20, got 3")) {
            try fake.enableBackups(droplet: "web-001", plan: .weekly, hour: 3)
        }
        try fake.enableBackups(droplet: "web-001", plan: .weekly)
        #expect(throws: FakeWorldError.conflict(.backupsAlreadyEnabled(droplet: "web-001", plan: .weekly))) {
            try fake.enableBackups(droplet: "web-001", plan: .daily)
        }
    }

    @Test func producingBackupsLeavesLaterIDsAlone() throws {
        let quiet = try fakeWithDroplets(1)
        let busy = try fakeWithDroplets(1)
        try busy.enableBackups(droplet: "web-001", plan: .daily)
        quiet.advance(to: start + 9 * day)
        busy.advance(to: start + 9 * day)
        _ = try quiet.createDroplet(name: "late", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: true, createdAt: nil, project: nil)
        _ = try busy.createDroplet(name: "late", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: true, createdAt: nil, project: nil)
        #expect(try quiet.dropletID(name: "late") == busy.dropletID(name: "late"))
    }

    @Test func theSameBackupsWhetherTheClockStepsOrJumps() throws {
        let stepped = try fakeWithDroplets(1)
        let jumped = try fakeWithDroplets(1)
        for fake in [stepped, jumped] { try fake.enableBackups(droplet: "web-001", plan: .weekly) }
        for hour in Int64(1)...(40 * 24) { stepped.advance(to: start + hour * 3_600) }
        jumped.advance(to: start + 40 * day)
        let path = "/v2/droplets/\(try stepped.dropletID(name: "web-001"))/backups"
        #expect(stepped.get(path).body == jumped.get(path).body)
    }

    /// The fake keeps each droplet's backups' JSON between listings and encodes only new backups:
    /// a fake that listed at every step serves what one that never listed serves, and what a fake
    /// that keeps nothing serves.
    @Test func keptBackupJSONServesWhatAFakeThatNeverListedServes() throws {
        let steps: [(note: String, change: (FakeDigitalOcean) throws -> Void)] = [
            ("daily and weekly backups on", {
                try $0.enableBackups(droplet: "web-001", plan: .daily, hour: 8)
                try $0.enableBackups(droplet: "web-002", plan: .weekly, weekday: 0, hour: 20)
            }),
            ("a day", { $0.advance(to: start + 1 * self.day) }),
            ("three days", { $0.advance(to: start + 3 * self.day) }),
            ("a backup out of schedule", { try $0.takeBackup(droplet: "web-001") }),
            ("past the daily retention", { $0.advance(to: start + 10 * self.day) }),
            ("a day more: one in, one out, as many as before", { $0.advance(to: start + 11 * self.day) }),
            ("daily backups off", { try $0.disableBackups(droplet: "web-001") }),
            ("and on again", { try $0.enableBackups(droplet: "web-001", plan: .daily, hour: 4) }),
            ("two more days", { $0.advance(to: start + 13 * self.day) }),
        ]
        func make(after count: Int, keepsResponses: Bool = true) throws -> FakeDigitalOcean {
            let fake = try fakeWithDroplets(3, keepsResponses: keepsResponses)
            for step in steps.prefix(count) { try step.change(fake) }
            return fake
        }
        func served(_ fake: FakeDigitalOcean) throws -> [String] {
            try ["web-001", "web-002", "web-003"].map { fake.get("/v2/droplets/\(try fake.dropletID(name: $0))/backups").text }
        }
        let fake = try make(after: 0)
        for count in 1...steps.count {
            try steps[count - 1].change(fake)
            let listed = try served(fake)
            #expect(listed == (try served(make(after: count))), "after \(steps[count - 1].note)")
            #expect(listed == (try served(make(after: count, keepsResponses: false))), "after \(steps[count - 1].note), kept nothing")
        }
        #expect(try served(fake)[0].contains("\"created_at\""), "web-001 lists backups")
    }
}
