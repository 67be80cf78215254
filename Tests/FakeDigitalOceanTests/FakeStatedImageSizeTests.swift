import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing
import TestSupport

/// Image sizes a scenario states (`size_gb`) replace the seed-driven ones, and a backup taken out
/// of schedule (`take_backup`) is listed and deleted when it is kept until.
@Suite struct FakeStatedImageSizeTests {
    private let hour: Int64 = 3_600

    private func backups(_ fake: FakeDigitalOcean) async throws -> [Image] {
        try await fake.client.dropletBackups(dropletID: try fake.dropletID(name: "web-001")).items
    }

    @Test func aStatedSnapshotSizeIsTheListedSizeForBothKinds() async throws {
        let fake = try fakeWithDroplets(1)
        try fake.createVolume(name: "data", sizeGB: 100, region: "nyc3", tags: [], project: nil)
        try fake.takeDropletSnapshot(droplet: "web-001", name: "stated", sizeCentiGB: 1_234)
        try fake.takeDropletSnapshot(droplet: "web-001", name: "derived")
        try fake.takeVolumeSnapshot(volume: "data", name: "vol-stated", sizeCentiGB: 4_000)
        let sizes = Dictionary(uniqueKeysWithValues: try await fake.client.snapshots().items.map { ($0.name, $0.sizeGigabytes) })
        #expect(sizes["stated"] == 12.34)
        #expect(sizes["vol-stated"] == 40)
        #expect(sizes["derived"] != 12.34 && (sizes["derived"] ?? 0) > 0, "omitted, the size is the seed's as before")
    }

    @Test func aStatedPolicySizeSizesEveryScheduledBackup() async throws {
        let fake = try fakeWithDroplets(1)
        try fake.enableBackups(droplet: "web-001", plan: .daily, hour: 4, sizeCentiGB: 250)
        fake.advance(to: start + 3 * 86_400)
        let taken = try await backups(fake)
        #expect(taken.count == 3)
        #expect(taken.allSatisfy { $0.sizeGigabytes == 2.5 })
    }

    @Test func aBackupTakenOutOfScheduleIsListedUntilItIsKeptUntil() async throws {
        let fake = try fakeWithDroplets(1)
        fake.advance(to: start + hour)
        try fake.takeBackup(droplet: "web-001", sizeCentiGB: 310, keptUntil: start + 5 * hour)
        let listed = try await backups(fake)
        #expect(listed.map(\.sizeGigabytes) == [3.1])
        #expect(listed.first?.createdAt == (start + hour).iso8601)
        #expect(try await fake.client.droplets().items.first?.backupIDs == listed.map(\.id), "so the backups sync lists the droplet's backups")
        fake.advance(to: start + 5 * hour - 1)
        #expect(try await backups(fake).count == 1)
        fake.advance(to: start + 5 * hour)
        #expect(try await backups(fake).isEmpty, "deleted at kept_until")
    }

    @Test func aBackupTakenWithoutAnEndIsKeptForThePlansRetentionOrUntilBackupsGoOff() async throws {
        let fake = try fakeWithDroplets(1)
        try fake.takeBackup(droplet: "web-001")
        fake.advance(to: start + 60 * 86_400)
        #expect(try await backups(fake).count == 1, "no plan: kept")
        try fake.enableBackups(droplet: "web-001", plan: .daily, hour: 4)
        try fake.takeBackup(droplet: "web-001")
        fake.advance(to: start + 60 * 86_400 + 7 * 86_400 + 3_600)
        let kept = try await backups(fake)
        #expect(!kept.contains { $0.createdAt == (start + 60 * 86_400).iso8601 }, "the one taken under the daily plan went after seven days")
        #expect(kept.contains { $0.createdAt == start.iso8601 })
        try fake.disableBackups(droplet: "web-001")
        #expect(try await backups(fake).isEmpty)
    }

    @Test func aBackupIsKeptUntilALaterTime() {
        #expect(throws: (any Error).self) {
            let fake = try fakeWithDroplets(1)
            try fake.takeBackup(droplet: "web-001", keptUntil: start)
        }
    }
}
