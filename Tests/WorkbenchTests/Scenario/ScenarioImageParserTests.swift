import DigitalOcean
import MoneyAndTime
import Testing
import Workbench

/// The backup and snapshot actions: their shape (parser) and their sense at each instant (validator).
@Suite struct ScenarioImageParserTests {
    static let header = """
        scenario: t
        seed: 1
        clock: {start: 2026-04-01, end: 2026-06-01}
        world:
          droplets: [{name: web-1, size: s-1vcpu-1gb, region: syd1}]
          volumes: [{name: data, size: 100, region: syd1}]
        timeline:

        """

    func parse(_ timeline: String) throws(ScenarioError) -> Scenario {
        try ScenarioParser.parse(yaml: Self.header + timeline, file: "i.yaml")
    }

    func failure(_ timeline: String) -> ScenarioError? {
        do {
            _ = try parse(timeline)
            return nil
        } catch {
            return error
        }
    }

    @Test func backupAndSnapshotEventsParseIntoTheirActions() throws {
        let scenario = try parse("""
              - at: 2026-04-01T01:00:00Z
                enable_backups: {name: web-1, policy: weekly, weekday: SUN, hour: 20}
              - at: 2026-04-02T00:00:00Z
                take_snapshot: {name: web-1-pre, droplet: web-1}
              - at: 2026-04-02T00:00:00Z
                take_snapshot: {name: data-pre, volume: data}
              - at: 2026-04-03T00:00:00Z
                delete_snapshot: {name: web-1-pre}
              - at: 2026-04-04T00:00:00Z
                disable_backups: {name: web-1}
              - at: 2026-04-05T00:00:00Z
                enable_backups: {name: web-1, policy: daily}
            """)
        #expect(scenario.timeline.map(\.action) == [
            .enableBackups(BackupsSpec(droplet: "web-1", plan: .weekly, weekday: 0, hour: 20)),
            .takeSnapshot(SnapshotSpec(name: "web-1-pre", source: .droplet("web-1"))),
            .takeSnapshot(SnapshotSpec(name: "data-pre", source: .volume("data"))),
            .deleteSnapshot(name: "web-1-pre"),
            .disableBackups(name: "web-1"),
            .enableBackups(BackupsSpec(droplet: "web-1", plan: .daily)),
        ])
    }

    /// `size_gb` states what DO bills a GB-month on; written back as read.
    @Test func statedImageSizesParseToHundredthsAndWriteBack() throws {
        let scenario = try parse("""
              - at: 2026-04-01T01:00:00Z
                enable_backups: {name: web-1, policy: daily, hour: 4, size_gb: 2.50}
              - at: 2026-04-02T00:00:00Z
                take_snapshot: {name: web-1-pre, droplet: web-1, size_gb: 12}
              - at: 2026-04-02T00:00:00Z
                take_snapshot: {name: data-pre, volume: data, size_gb: 40.07}
              - at: 2026-04-03T00:00:00Z
                take_backup: {droplet: web-1, size_gb: 3.1, kept_until: 2026-04-10T00:41:00Z}
              - at: 2026-04-03T00:00:00Z
                take_backup: {droplet: web-1}
            """)
        #expect(scenario.timeline.map(\.action) == [
            .enableBackups(BackupsSpec(droplet: "web-1", plan: .daily, hour: 4, sizeCentiGB: 250)),
            .takeSnapshot(SnapshotSpec(name: "web-1-pre", source: .droplet("web-1"), sizeCentiGB: 1_200)),
            .takeSnapshot(SnapshotSpec(name: "data-pre", source: .volume("data"), sizeCentiGB: 4_007)),
            .takeBackup(BackupSpec(droplet: "web-1", sizeCentiGB: 310, keptUntil: Timestamp(year: 2026, month: 4, day: 10, minute: 41))),
            .takeBackup(BackupSpec(droplet: "web-1")),
        ])
        let written = ScenarioWriter.yaml(scenario)
        #expect(written.contains("take_snapshot: {name: data-pre, volume: data, size_gb: 40.07}"), "\(written)")
        #expect(written.contains("take_backup: {droplet: web-1, size_gb: 3.1, kept_until: 2026-04-10T00:41:00Z}"))
        #expect(written.contains("enable_backups: {name: web-1, policy: daily, hour: 4, size_gb: 2.5}"))
        #expect(try ScenarioParser.parse(yaml: written, file: "w.yaml").timeline.map(\.action) == scenario.timeline.map(\.action))
    }

    @Test(arguments: [
        ("take_snapshot: {name: s, droplet: web-1, size_gb: 2.345}", "timeline[0].take_snapshot.size_gb",
         "'2.345' is not a size in GB above 0 and at most 16384, with at most two decimals, e.g. 2.34"),
        ("enable_backups: {name: web-1, policy: daily, size_gb: 0}", "timeline[0].enable_backups.size_gb",
         "'0' is not a size in GB above 0 and at most 16384, with at most two decimals, e.g. 2.34"),
        ("take_backup: {droplet: web-1, size_gb: 16384.01}", "timeline[0].take_backup.size_gb",
         "'16384.01' is not a size in GB above 0 and at most 16384, with at most two decimals, e.g. 2.34"),
        ("take_backup: {name: web-1}", "timeline[0].take_backup.name", "unknown key 'name'; allowed keys: droplet, size_gb, kept_until"),
        ("enable_backups: {name: web-1, policy: monthly}", "timeline[0].enable_backups.policy", "must be one of weekly, daily; found 'monthly'"),
        ("enable_backups: {name: web-1, policy: weekly, weekday: sunday}", "timeline[0].enable_backups.weekday",
         "must be one of SUN, MON, TUE, WED, THU, FRI, SAT; found 'sunday'"),
        ("enable_backups: {name: web-1, policy: daily, weekday: MON}", "timeline[0].enable_backups.weekday",
         "a daily plan backs up every day; 'weekday' only goes with policy: weekly"),
        ("enable_backups: {name: web-1, policy: daily, hour: 3}", "timeline[0].enable_backups.hour",
         "a backup window starts at hour 0, 4, 8, 12, 16 or 20; found 3"),
        ("take_snapshot: {name: s, droplet: web-1, volume: data}", "timeline[0].take_snapshot",
         "names both a droplet and a volume; a snapshot is of one of them"),
        ("take_snapshot: {name: s}", "timeline[0].take_snapshot", "missing what to snapshot: add 'droplet' or 'volume'"),
        ("delete_snapshot: {name: s, droplet: web-1}", "timeline[0].delete_snapshot.droplet", "unknown key 'droplet'; allowed keys: name"),
    ])
    func shapeErrorsNameTheField(item: String, field: String, message: String) {
        let error = failure("  - at: 2026-04-01T01:00:00Z\n    \(item)\n")
        #expect(error?.field == field)
        #expect(error?.message == message)
        #expect(error?.location.line == 9)
    }

    @Test func backupsAreSwitchedOnOnlyWhenOffAndFollowTheDroplet() {
        let twice = failure("""
              - {at: 2026-04-01T01:00:00Z, enable_backups: {name: web-1, policy: weekly}}
              - {at: 2026-04-02T01:00:00Z, enable_backups: {name: web-1, policy: daily}}
            """)
        #expect(twice?.field == "timeline[1].enable_backups.name")
        #expect(twice?.message == "droplet 'web-1' already has backups enabled at 2026-04-02T01:00:00Z; disable them first")
        #expect(failure("  - {at: 2026-04-01T01:00:00Z, disable_backups: {name: web-1}}\n")?.message
            == "droplet 'web-1' has no backups enabled at 2026-04-01T01:00:00Z")
        let renamed = failure("""
              - {at: 2026-04-01T01:00:00Z, enable_backups: {name: web-1, policy: weekly}}
              - {at: 2026-04-02T01:00:00Z, rename_droplet: {name: web-1, to: web-2}}
              - {at: 2026-04-03T01:00:00Z, disable_backups: {name: web-2}}
              - {at: 2026-04-04T01:00:00Z, disable_backups: {name: web-2}}
            """)
        #expect(renamed?.field == "timeline[3].disable_backups.name", "the rename carried the backups to web-2")
        let destroyed = failure("""
              - {at: 2026-04-01T01:00:00Z, enable_backups: {name: web-1, policy: weekly}}
              - {at: 2026-04-02T01:00:00Z, destroy_droplet: {name: web-1}}
              - {at: 2026-04-03T01:00:00Z, create_droplet: {name: web-1, size: s-1vcpu-1gb, region: syd1}}
              - {at: 2026-04-04T01:00:00Z, disable_backups: {name: web-1}}
            """)
        #expect(destroyed?.message == "droplet 'web-1' has no backups enabled at 2026-04-04T01:00:00Z", "a new web-1 starts without backups")
    }

    @Test func snapshotsTakeFreeNamesOfLiveSources() {
        let twice = failure("""
              - {at: 2026-04-01T01:00:00Z, take_snapshot: {name: s, droplet: web-1}}
              - {at: 2026-04-02T01:00:00Z, take_snapshot: {name: s, volume: data}}
            """)
        #expect(twice?.field == "timeline[1].take_snapshot.name" && twice?.message == "a snapshot named 's' already exists")
        #expect(failure("  - {at: 2026-04-01T01:00:00Z, take_snapshot: {name: s, volume: nope}}\n")?.message
            == "no volume named 'nope' exists at 2026-04-01T01:00:00Z")
        #expect(failure("  - {at: 2026-04-01T01:00:00Z, take_snapshot: {name: s, droplet: nope}}\n")?.field
            == "timeline[0].take_snapshot.droplet")
        #expect(failure("  - {at: 2026-04-01T01:00:00Z, delete_snapshot: {name: s}}\n")?.message
            == "no snapshot named 's' exists at 2026-04-01T01:00:00Z")
        let outlives = try? parse("""
              - {at: 2026-04-01T01:00:00Z, take_snapshot: {name: s, droplet: web-1}}
              - {at: 2026-04-02T01:00:00Z, destroy_droplet: {name: web-1}}
              - {at: 2026-04-03T01:00:00Z, delete_snapshot: {name: s}}
            """)
        #expect(outlives != nil, "a droplet's snapshot outlives it")
    }
}
