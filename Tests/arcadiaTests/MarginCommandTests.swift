import ArcadiaCore
import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import arcadia

/// `arcadia margin` over shipped scenarios, figures from their goldens.
struct MarginCommandTests {
    func scenario(_ name: String) -> String { RepoPaths.root().appendingPathComponent("scenarios/\(name).yaml").path }

    @Test func perDeploymentWithAMonthTotal() async throws {
        let text = try await MarginCommand.report(db: nil, scenario: scenario("revenue-month-end"), from: nil, to: nil, by: .deployment,
                                                  format: .table)
        // cost_lines.tsv: acme-api's four droplets 600 + 3 × 2400... all April lines matched to droplets of the three projects.
        #expect(text == """
            period   deployment   do cost  revenue  margin  margin %
            2026-04  acme-api       96.00   106.06   10.06     +9.5%
            2026-04  acme-web        6.00    34.00   28.00    +82.4%
            2026-04  globex-shop     6.00    19.33   13.33    +69.0%
            2026-04  total         108.00   159.39   51.39    +32.2%

            """)
    }

    @Test func costNoDeploymentOwnsIsItsOwnRowNeverDropped() async throws {
        // billing-plain-month has no tenants: all of April's $32.26 is unattributed.
        let text = try await MarginCommand.report(db: nil, scenario: scenario("billing-plain-month"), from: "2026-04", to: "2026-04",
                                                  by: .tenant, format: .csv)
        #expect(text == "period,tenant,cost,revenue,margin\n2026-04,,32.26,0.00,-32.26\n")
    }

    @Test func byKindSplitsCostAndKeepsRevenueWhole() async throws {
        let text = try await MarginCommand.report(db: nil, scenario: scenario("revenue-month-end"), from: nil, to: nil, by: .kind, format: .csv)
        #expect(text == "period,kind,cost,revenue,margin\n2026-04,droplet,108.00,0.00,-108.00\n2026-04,revenue,0.00,159.39,159.39\n")
        // Cost no deployment owns is split by kind too: it used to be one unattributed lump.
        let plain = try await MarginCommand.report(db: nil, scenario: scenario("billing-plain-month"), from: "2026-04", to: "2026-04",
                                                   by: .kind, format: .csv)
        #expect(!plain.contains("\n2026-04,,"), "\(plain)")
        #expect(plain.hasPrefix("period,kind,cost,revenue,margin\n2026-04,droplet,"), "\(plain)")
    }
}
