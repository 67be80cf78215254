import ArcadiaCore
import FakeDigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import TestSupport
import Testing
import Workbench
import WorkbenchTestSupport

/// Each invariant checker passes on a real run and fails on a planted violation of its invariant.
@Suite struct InvariantCheckerTests {
    actor Found {
        var violations: [Violation] = []
        func add(_ more: [Violation]) { violations += more }
    }

    /// revenue-month-end: tenants, deployments, metering, a rollup and DO's April invoice ingested.
    /// A fresh play of the scenario to check, or to plant a violation in.
    func played() async throws -> Ledger {
        try await Simulator().run(ScenarioFixtures.shipped("revenue-month-end")).ledger
    }

    func invariants(_ violations: [Violation]) -> Set<Violation.Invariant> { Set(violations.map(\.invariant)) }

    @Test func aRealRunViolatesNothing() async throws {
        let ledger = try await played()
        #expect(try LedgerInvariants.check(ledger) == [])
        let counts = try await ledger.writer.read { db in
            try Int.fetchAll(db, sql: """
                SELECT COUNT(*) FROM tenant_invoices UNION ALL SELECT COUNT(*) FROM cloud_cost_lines WHERE hours IS NOT NULL
                """)
        }
        #expect(counts.allSatisfy { $0 > 0 }, "the scenario must give the checkers something to check: \(counts)")
    }

    @Test func aDuplicateUsageRecordOrInvoiceIsFound() async throws {
        let ledger = try await played()
        try await ledger.writer.write { db in
            for index in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('usage_records', 'tenant_invoices') AND sql IS NOT NULL") {
                try db.execute(sql: "DROP INDEX \(index)")
            }
            try db.execute(sql: "INSERT INTO usage_records SELECT NULL, deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at, source, cloud_invoice_id, cost_line_no FROM usage_records WHERE id = 1")
            try db.execute(sql: "INSERT INTO tenant_invoices SELECT NULL, tenant_id, period, currency, subtotal_cents, tax_cents, total_cents, 'draft', created_at, NULL, NULL, NULL, price_book_id FROM tenant_invoices WHERE id = 1")
        }
        let violations = try LedgerInvariants.check(ledger).filter { $0.invariant == .duplicateRows }
        #expect(violations.count == 2)
        #expect(violations.contains { $0.message.hasPrefix("usage record ") && $0.message.hasSuffix("appears 2 times") })
        #expect(violations.contains { $0.message.hasPrefix("non-void tenant invoice ") })
    }

    @Test func aDOInvoiceWhoseLinesDoNotSumToItsTotalIsFound() async throws {
        let ledger = try await played()
        try await ledger.writer.write { db in try db.execute(sql: "UPDATE cloud_invoices SET amount_cents = amount_cents + 1") }
        let violations = try LedgerInvariants.check(ledger)
        #expect(invariants(violations) == [.cloudInvoiceSum])
    }

    @Test func aTenantInvoiceThatIsNotItsQuoteIsFound() async throws {
        let ledger = try await played()
        try await ledger.writer.write { db in
            try db.execute(sql: "UPDATE tenant_invoice_lines SET amount_cents = amount_cents + 1 WHERE line_no = 1 AND invoice_id = 1")
            try db.execute(sql: "UPDATE tenant_invoices SET subtotal_cents = subtotal_cents + 1, total_cents = total_cents + 1 WHERE id = 1")
        }
        let violations = try LedgerInvariants.check(ledger)
        #expect(invariants(violations) == [.tenantInvoiceQuote])
        #expect(violations.first?.message.contains("but quotes") == true)
    }

    @Test func meteredHoursFarFromDOsInvoiceAreFound() async throws {
        let ledger = try await played()
        try await ledger.writer.write { db in
            try db.execute(sql: """
                UPDATE cloud_cost_lines SET hours = hours + 30
                WHERE id = (SELECT l.id FROM cloud_cost_lines l JOIN cloud_resources r ON r.id = l.matched_resource_id WHERE r.name = 'web-1')
                """)
        }
        let violations = try LedgerInvariants.check(ledger)
        #expect(invariants(violations).contains(.meteredHours))
        #expect(violations.contains { $0.message.hasPrefix("droplet web-1 in 2026-04:") })
    }

    /// api-4 is powered off for 6 hours: DO bills them, metering does not, so the check takes the
    /// 6 h the ledger saw it off from DO's hours and compares it like any droplet. A DO line 30 h
    /// longer, or a ledger that lost the power-off, is caught.
    @Test func aPoweredOffDropletsHoursAreCompared() async throws {
        let ledger = try await played()
        try await ledger.writer.write { db in
            try db.execute(sql: """
                UPDATE cloud_cost_lines SET hours = hours + 30
                WHERE id = (SELECT l.id FROM cloud_cost_lines l JOIN cloud_resources r ON r.id = l.matched_resource_id WHERE r.name = 'api-4')
                """)
        }
        let longer = try LedgerInvariants.check(ledger)
        #expect(longer.map(\.invariant) == [.meteredHours])
        #expect(longer.first?.message == "droplet api-4 in 2026-04: metered 714 h, DO invoiced 750 h of which the ledger saw 6 h not active, more than 1.5 h apart")

        let forgetful = try await played()
        try await forgetful.writer.write { db in
            try db.execute(sql: """
                DELETE FROM cloud_resource_events WHERE event = 'changed' AND field = 'status'
                AND resource_id = (SELECT id FROM cloud_resources WHERE name = 'api-4')
                """)
        }
        #expect(try LedgerInvariants.check(forgetful).map(\.message)
                == ["droplet api-4 in 2026-04: metered 714 h, DO invoiced 720 h of which the ledger saw 0 h not active, more than 1.5 h apart"])
    }

    /// A droplet marked stale behind the sync's back while it lives in the fake.
    @Test func aStaleDropletThatStillExistsIsFound() async throws {
        let scenario = try ScenarioFixtures.shipped("droplet-lifecycle")
        let found = Found()
        _ = try await Simulator(options: .init(afterJob: { probe in
            guard probe.job == .driftSweep else { return }
            let clean = try RunInvariants.noneStaleWhileExisting(probe)
            try await probe.ledger.writer.write { db in
                try db.execute(sql: "UPDATE cloud_resources SET stale_at = ? WHERE kind = 'droplet' AND stale_at IS NULL", arguments: [probe.at])
            }
            let planted = try RunInvariants.noneStaleWhileExisting(probe)
            await found.add(clean + planted)
        })).run(scenario)
        let violations = await found.violations
        #expect(!violations.isEmpty)
        #expect(violations.allSatisfy { $0.invariant == .staleWhileExisting && $0.message.contains("still exists") })
    }

    /// Every kind the inventory tracks, marked stale behind the syncs' backs while it lives in the
    /// fake, is caught: droplets, their backups, domains, volumes, both kinds of snapshot, reserved
    /// IPs, firewalls, load balancers, project-only members and projects.
    @Test func aStaleResourceOfAnyKindThatStillExistsIsFound() async throws {
        let scenario = try ScenarioParser.parse(yaml: """
            scenario: every-kind
            description: one of each kind the inventory tracks
            seed: 3
            clock: {start: 2026-05-31T20:00:00Z, end: 2026-06-01T06:00:00Z}
            world:
              projects:
                - {name: data, environment: Production, default: true}
              droplets:
                - {name: web-1, size: s-1vcpu-1gb, region: syd1, project: data, created_at: 2026-05-01T00:00:00Z}
              domains:
                - {name: shop.example, project: data}
              volumes:
                - {name: pgdata, size: 100, region: syd1, project: data, attached_to: web-1}
              reserved_ips:
                - {name: ip-web, region: syd1, droplet: web-1, project: data}
              firewalls:
                - {name: fw-web, droplets: [web-1], inbound: [{protocol: tcp, ports: "22", addresses: [0.0.0.0/0]}]}
              load_balancers:
                - name: lb-web
                  region: syd1
                  project: data
                  droplets: [web-1]
                  forwarding_rules: [{entry_protocol: http, entry_port: 80, target_protocol: http, target_port: 8080}]
              spaces_buckets:
                - {name: assets, region: syd1, size: 40, project: data}
              databases:
                - {name: orders-db, region: syd1, project: data}
            timeline:
              - at: 2026-05-31T20:00:00Z
                enable_backups: {name: web-1, policy: daily, hour: 0}
              - at: 2026-06-01T00:10:00Z
                take_snapshot: {name: web-1-snap, droplet: web-1}
              - at: 2026-06-01T00:20:00Z
                take_snapshot: {name: pgdata-snap, volume: pgdata}
            """, file: "every-kind.yaml")
        let found = Found()
        _ = try await Simulator(options: .init(afterJob: { probe in
            guard probe.at >= Timestamp(year: 2026, month: 6, day: 1, hour: 5), await found.violations.isEmpty else { return }
            let clean = try RunInvariants.noneStaleWhileExisting(probe)
            try await probe.ledger.writer.write { db in
                try db.execute(sql: "UPDATE cloud_resources SET stale_at = ? WHERE stale_at IS NULL", arguments: [probe.at])
                try db.execute(sql: "UPDATE cloud_projects SET stale_at = ? WHERE stale_at IS NULL", arguments: [probe.at])
            }
            await found.add(clean + (try RunInvariants.noneStaleWhileExisting(probe)))
        })).run(scenario)
        let violations = await found.violations
        #expect(violations.allSatisfy { $0.invariant == .staleWhileExisting && $0.message.contains("still exists") })
        #expect(Set(violations.map { String($0.message.prefix { $0 != " " }) }) == [
            "droplet", "droplet_backup", "dns_zone", "volume", "snapshot", "floating_ip", "firewall", "load_balancer", "spaces_bucket",
            "managed_db", "project",
        ])
        #expect(violations.filter { $0.message.hasPrefix("snapshot ") }.count == 2)
    }

    /// A job whose second run at the same instant writes is caught; one that writes nothing is not.
    @Test func aReRunThatWritesIsFound() async throws {
        let ledger = try await played()
        let fake = FakeDigitalOcean(seed: 1, start: Timestamp(year: 2026, month: 5, day: 1))
        let probe = { (revisionBefore: UInt64, again: @escaping @Sendable () async throws -> Void) in
            JobProbe(job: .costBalance, at: Timestamp(year: 2026, month: 5, day: 1), outcome: .metering(MeteringReport(day: Timestamp(year: 2026, month: 4, day: 30))),
                     ledger: ledger, fake: fake, revisionBefore: revisionBefore) {
                try await again()
                return .metering(MeteringReport(day: Timestamp(year: 2026, month: 4, day: 30)))
            }
        }
        let quiet = try await RunInvariants.rerunWritesNothing(probe(fake.revision) {})
        #expect(quiet == [])
        let writing = try await RunInvariants.rerunWritesNothing(probe(fake.revision) {
            try await ledger.writer.write { db in
                try db.execute(sql: "INSERT INTO cloud_balance_snapshots SELECT NULL, '2026-05-01T00:00:00Z', month_to_date_balance_cents, account_balance_cents, month_to_date_usage_cents, generated_at FROM cloud_balance_snapshots LIMIT 1")
            }
        })
        #expect(writing.map(\.invariant) == [.rerunWritesNothing])
        #expect(writing.first?.message == "re-running cost.balance at 2026-05-01T00:00:00Z changed balance.tsv")
        // The shrinker keeps the job: a balance re-run is not the same failure as a listing's.
        #expect(writing.first?.slug == "rerun-writes-nothing-cost-balance")
        #expect(writing.first.map { !$0.isLike(Violation(.rerunWritesNothing, subject: "sync.droplets", "")) } == true)
        // A run that changed the world itself (a droplet created between two listing pages) is
        // re-run against another world: what the re-run records is not a repeated write.
        let duringTheRun = try await RunInvariants.rerunWritesNothing(probe(fake.revision &- 1) {
            try await ledger.writer.write { db in
                try db.execute(sql: "INSERT INTO cloud_balance_snapshots SELECT NULL, '2026-05-01T00:00:01Z', month_to_date_balance_cents, account_balance_cents, month_to_date_usage_cents, generated_at FROM cloud_balance_snapshots LIMIT 1")
            }
        })
        #expect(duringTheRun == [])
    }

    /// Seed 18's finding (`Tests/Fixtures/fuzz-findings/`): a fault created a droplet after
    /// serving the listing's first page, so the re-run at the same instant rightly found it. The
    /// checker now knows the world moved during the run; the scenario violates nothing.
    @Test func aListingShiftDuringTheRunIsNotARepeatedWrite() async throws {
        let finding = RepoPaths.root().appendingPathComponent("Tests/Fixtures/fuzz-findings/fuzz-18-rerun-writes-nothing-sync-droplets.yaml")
        let scenario = try ScenarioParser.load(path: finding.path)
        #expect(await ScenarioCheck.violations(of: scenario) == [])
    }

    /// Seed 9's finding (a checker bug): droplet hours kept one day, so by the run's end metering
    /// had pruned the May records the rollup priced, and a quote of what is left disagreed with
    /// the invoice. With a retention set, the ledger cannot re-quote an invoice; nothing is reported.
    @Test func usagePrunedByRetentionIsNotAMisquotedInvoice() async throws {
        let finding = RepoPaths.root().appendingPathComponent("Tests/Fixtures/fuzz-findings/fuzz-9-tenant-invoice-quote.yaml")
        let scenario = try ScenarioParser.load(path: finding.path)
        #expect(scenario.metering.policies[.dropletHours]?.retentionDays == 1)
        #expect(await ScenarioCheck.violations(of: scenario) == [])
    }
}
