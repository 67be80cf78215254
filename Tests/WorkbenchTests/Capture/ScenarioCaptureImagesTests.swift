import ArcadiaCore
import Foundation
import GRDB
import MoneyAndTime
import Testing
import TestSupport
@testable import Workbench
import WorkbenchTestSupport

/// Snapshots and backups captured at their observed sizes and times (revenue-snapshots-backups:
/// hooli's June bills snapshot and backup GB-months), and the Spaces refusal that names what the
/// ledger lacks.
@Suite(.timeLimit(.minutes(10))) struct ScenarioCaptureImagesTests {
    @Test func snapshotsAndBackupsAreTakenAtTheirObservedSizesAndTimes() async throws {
        let ledger = try Ledger(path: try await ScenarioLedgers.copy(of: "revenue-snapshots-backups"))
        let captured = try await ScenarioCapture.capture(tenant: "hooli", period: BillingPeriod("2026-06")!, from: ledger)
        let yaml = ScenarioWriter.yaml(captured.scenario)
        #expect(yaml.contains("""
              - at: 2026-06-05T10:33:00Z
                take_snapshot: {name: app-1-pre-upgrade, droplet: snapshot-source-syd1, size_gb: 12}
              - at: 2026-06-05T10:45:00Z
                move_to_project: {snapshot: app-1-pre-upgrade, project: hooli-app}
            """), "moved when the projects sync attributed it: \(yaml)")
        #expect(yaml.contains("  - at: 2026-06-19T10:33:00Z\n    delete_snapshot: {name: app-1-pre-upgrade}\n"), "first missed at 10:33")
        #expect(yaml.contains("take_snapshot: {name: data-nightly, volume: snapshot-source-syd1, size_gb: 40}"))
        let backups = captured.scenario.timeline.compactMap { event -> String? in
            guard case .takeBackup(let spec) = event.action else { return nil }
            return "\(event.at) \(spec.droplet) \(spec.sizeCentiGB ?? 0) \(spec.keptUntil.map { "\($0)" } ?? "-")"
        }
        #expect(backups.count == 4 && backups.allSatisfy { $0.hasSuffix(" app-1 250 -") }, "kept past the month: \(backups)")
        #expect(captured.scenario.world.droplets.map { "\($0.name) \($0.project ?? "-") \($0.status)" }
                == ["app-1 hooli-app active", "snapshot-source-syd1 capture-stand-ins off"])
        #expect(captured.scenario.world.volumes.map { "\($0.name) \($0.sizeGB)" } == ["snapshot-source-syd1 40"])
        #expect(!captured.scenario.timeline.contains { if case .enableBackups = $0.action { true } else { false } },
                "each backup is stated; a schedule would take others at other times")
        #expect(captured.invoice.lines.map(\.description).contains { $0.contains("snapshot_gb_month") })
        #expect(captured.invoice.lines.map(\.description).contains { $0.contains("backup_gb_month") })
        #expect(try await ScenarioCapture.verify(captured, yaml: yaml, file: "capture.yaml").isEmpty)
    }

    /// July of the same tenant (the clock run on to August): the snapshot and the backups held
    /// since June are taken at the clock's start with a snapshot and a backup sync there (the
    /// table lists images at :33 and :41 only), and June's backups go when retention deleted them.
    @Test func imagesHeldBeforeTheMonthAreTakenAtItsStartWithASyncThere() async throws {
        let ledger = try Ledger(path: try await ScenarioLedgers.copy(of: "revenue-snapshots-backups", variant: "to-august") {
            $0.clock.end = Timestamp(year: 2026, month: 8, day: 1, hour: 4)
        })
        let captured = try await ScenarioCapture.capture(tenant: "hooli", period: BillingPeriod("2026-07")!, from: ledger)
        let yaml = ScenarioWriter.yaml(captured.scenario)
        let atStart = captured.scenario.timeline.filter { $0.at == Timestamp(year: 2026, month: 7, day: 1) }.map(\.action.kind.rawValue)
        #expect(atStart.filter { $0 == "take_backup" }.count == 4, "\(yaml)")
        #expect(atStart.contains("take_snapshot"))
        #expect(Array(atStart.suffix(2)) == ["run_job", "run_job"])
        #expect(yaml.contains("  - at: 2026-07-01T00:00:00Z\n    run_job: {job: sync.snapshots}\n  - at: 2026-07-01T00:00:00Z\n    run_job: {job: sync.backups}\n"))
        let kept = captured.scenario.timeline.compactMap { event -> Timestamp? in
            guard case .takeBackup(let spec) = event.action, event.at == Timestamp(year: 2026, month: 7, day: 1) else { return nil }
            return spec.keptUntil
        }
        #expect(kept.count == 4 && kept.allSatisfy { $0 > Timestamp(year: 2026, month: 7, day: 5) }, "28 days after each June backup: \(kept)")
        #expect(try await ScenarioCapture.verify(captured, yaml: yaml, file: "capture.yaml").isEmpty)
    }

    @Test func aSpacesBucketWithUsageIsRefusedNamingWhatTheLedgerLacks() throws {
        var world = CapturedWorld(clock: ClockRange(start: BillingPeriod("2026-06")!.start, end: BillingPeriod("2026-06")!.end))
        let bucket = CloudResource(id: 7, kind: .spacesBucket, providerID: "media", name: "media", status: "active", region: "syd1",
                                   attributesText: #"{"size_gigabytes":250}"#, firstSeenAt: Timestamp(year: 2026, month: 5, day: 1),
                                   lastChangedAt: Timestamp(year: 2026, month: 5, day: 1))
        do {
            try world.add(bucket, project: "hooli-app", events: [])
            Issue.record("a Spaces bucket cannot be rebuilt")
        } catch let refusal as ScenarioCapture.Refusal {
            #expect(refusal.description.hasPrefix("spaces_bucket media has usage this month"))
            #expect(refusal.description.contains("bills it on its size_gigabytes (here 250 GB)"))
            #expect(refusal.description.contains("which carry no size"), "\(refusal.description)")
        }
    }

    @Test func aBackupOfADropletTheCaptureDidNotRebuildIsRefusedNamingIt() throws {
        var world = CapturedWorld(clock: ClockRange(start: BillingPeriod("2026-06")!.start, end: BillingPeriod("2026-06")!.end))
        let backup = CloudResource(id: 9, kind: .dropletBackup, providerID: "151", name: "db-1- 2026-06-07", status: "available",
                                   region: "syd1", attributesText: #"{"droplet_id":"4242","size_gigabytes":"2.5"}"#,
                                   firstSeenAt: Timestamp(year: 2026, month: 6, day: 7), lastChangedAt: Timestamp(year: 2026, month: 6, day: 7))
        let refusal = #expect(throws: ScenarioCapture.Refusal.self) { try world.add(backup, project: nil, events: []) }
        #expect(refusal?.description == "droplet_backup db-1- 2026-06-07 backs up droplet 4242, which none of the month's usage came from, "
                    + "so the capture did not rebuild it and cannot take its backups")
    }
}
