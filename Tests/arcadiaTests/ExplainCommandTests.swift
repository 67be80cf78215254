import ArcadiaCore
import ArgumentParser
import Foundation
import GRDB
import Testing
import TestSupport
import WorkbenchTestSupport
@testable import arcadia

/// `arcadia explain` over the ledger revenue-month-end leaves (figures from its goldens): acme's
/// April overage line unfolds into four droplets, their days and hours, and the syncs that saw
/// api-4 powered off from 12:00 to 18:00 on April 10.
struct ExplainCommandTests {
    @Test func oneLineAsTextFoldsRunsOfEqualDays() async throws {
        let db = try await RevenueMonthEnd.ledger()
        let text = try await ExplainCommand.explain(db: db, invoice: "acme/2026-04", invoiceID: nil, line: 2, format: .text)
        #expect(text.hasPrefix("Invoice #"))
        #expect(text.contains("acme (Acme Pty Ltd), 2026-04, paid: subtotal 140.06, tax 14.01, total 154.07 USD\n"))
        #expect(text.contains("Price book: standard-2026 (effective 2026-01-01)\n"))
        #expect(text.contains("\nLine 2  overage  acme-api  Overage: droplet_hours (2874 used, 2232 included)  642 x 0.011 = 7.06\n"))
        #expect(text.contains("  priced by: plan pro, item droplet_hours: 2232 included a month, over it 0.011 a unit\n"))
        #expect(text.contains("  allowance: 2232 a month; charged in full\n"))
        #expect(text.contains("  usage: 2874 droplet_hours from 4 resources\n"))
        #expect(text.contains("""
                  2026-04-01T00:00:00Z ..< 2026-04-10T00:00:00Z  9 x 24 daily
                  2026-04-10T00:00:00Z ..< 2026-04-11T00:00:00Z  1 x 18 daily
                  2026-04-11T00:00:00Z ..< 2026-05-01T00:00:00Z  20 x 24 daily

            """), "\(text)")
        #expect(text.contains("      2026-04-10T12:00:00Z  changed status: active -> off\n"))
        #expect(!text.contains("\nLine 1 "), "--line keeps one line")
    }

    /// A discrepancy audit: an allowance charged whole for part of a month read "charged in full",
    /// leaving the reader to guess why it was not prorated. Here acme-api's line is made one of 20
    /// active days, its allowance whole, as a book with `prorate_allowances: false` writes it.
    @Test func anAllowanceChargedWholeForPartOfAMonthSaysWhy() async throws {
        let db = try RepoPaths.temporaryDirectory("explain-whole").appendingPathComponent("ledger.sqlite").path
        try FileManager.default.copyItem(atPath: try await RevenueMonthEnd.ledger(), toPath: db)
        try await DatabaseQueue(path: db).write { db in
            try db.execute(sql: """
                UPDATE tenant_invoice_lines SET days_active = 20 WHERE line_no = 2
                  AND invoice_id = (SELECT i.id FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id WHERE t.code = 'acme')
                """)
        }
        let text = try await ExplainCommand.explain(db: db, invoice: "acme/2026-04", invoiceID: nil, line: 2, format: .text)
        #expect(text.contains("  allowance: 2232 a month; charged in full for 20 of 30 days (the book sets prorate_allowances: false)\n"), "\(text)")
    }

    /// A discrepancy audit: `graduated tiers 500 at 0.02, 1000 at 0.015` read as "1000 units at
    /// 0.015", and the JSON held only that prose. The tiers now read as the invoice lines write
    /// them, counted above the allowance, and the JSON has them as fields. Here the book in the
    /// ledger gives pro's droplet hours two graduated tiers.
    @Test func tieredOverageReadsAsRangesAboveTheAllowanceAndAsFields() async throws {
        let db = try RepoPaths.temporaryDirectory("explain-tiers").appendingPathComponent("ledger.sqlite").path
        try FileManager.default.copyItem(atPath: try await RevenueMonthEnd.ledger(), toPath: db)
        try await DatabaseQueue(path: db).write { db in
            let item = "(SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.code = 'pro' AND i.billing_kind = 'droplet_hours')"
            try db.execute(sql: "UPDATE plan_items SET overage_mode = 'graduated', overage_unit_price = NULL WHERE id = \(item)")
            try db.execute(sql: """
                INSERT INTO plan_item_tiers (plan_item_id, position, up_to, unit_price) VALUES (\(item), 1, '500', '0.011'), (\(item), 2, NULL, '0.01')
                """)
        }
        let text = try await ExplainCommand.explain(db: db, invoice: "acme/2026-04", invoiceID: nil, line: 2, format: .text)
        #expect(text.contains("over it graduated tiers [0, 500) at 0.011, [500, …) at 0.01 a unit above the allowance\n"), "\(text)")
        let json = try await ExplainCommand.explain(db: db, invoice: "acme/2026-04", invoiceID: nil, line: 2, format: .json)
            .replacingOccurrences(of: " ", with: "")
        #expect(json.contains(#""overage_mode":"graduated","overage_tiers":[{"unit_price":"0.011","up_to":"500"},{"unit_price":"0.01","up_to":null}]"#),
                "\(json)")
    }

    @Test func anUnknownTenantIsNamedAsOne() async throws {
        let db = try await RevenueMonthEnd.ledger()
        for (invoice, message) in [("nobody/2026-04", "--invoice nobody/2026-04: no tenant has code 'nobody'"),
                                   ("acme/2026-06", "--invoice acme/2026-06: acme has no invoice for 2026-06 that is not void")] {
            await #expect { _ = try await ExplainCommand.explain(db: db, invoice: invoice, invoiceID: nil, line: nil, format: .text) }
                throws: { "\($0)" == message }
        }
    }

    /// Retention shorter than a month deletes the records an invoice was billed from; explain used
    /// to show "0 droplet_hours from 0 resources" under a line of 642 hours, contradicting it.
    @Test func aLineWhoseRecordsRetentionPrunedSaysSo() async throws {
        let db = try RepoPaths.temporaryDirectory("explain-pruned").appendingPathComponent("ledger.sqlite").path
        try FileManager.default.copyItem(atPath: try await RevenueMonthEnd.ledger(), toPath: db)
        try await DatabaseQueue(path: db).write { db in
            try db.execute(sql: "DELETE FROM usage_records WHERE billing_kind = 'droplet_hours'")
            try db.execute(sql: "INSERT INTO metering_config (billing_kind, granularity, retention_days) VALUES ('droplet_hours', 'daily', 31)")
        }
        let text = try await ExplainCommand.explain(db: db, invoice: "acme/2026-04", invoiceID: nil, line: 2, format: .text)
        #expect(text.contains("\n  usage: no droplet_hours records are left; metering keeps them 31 days (metering_config), "
                              + "so those this line was billed from may have been pruned since\n"), "\(text)")
        let json = try await ExplainCommand.explain(db: db, invoice: "acme/2026-04", invoiceID: nil, line: 2, format: .json)
        #expect(json.contains("\"retention_days\" : 31") || json.contains("\"retention_days\":31"), "\(json)")
    }

    /// A plan line's quantity is days charged: it reads as the invoice prints it, not as
    /// "20 x 29 = 19.33", arithmetic that does not add up.
    @Test func aProratedPlanLineShowsItsDaysAsTheInvoiceDoes() async throws {
        let db = try await RevenueMonthEnd.ledger()
        let text = try await ExplainCommand.explain(db: db, invoice: "globex/2026-04", invoiceID: nil, line: 1, format: .text)
        #expect(text.contains("\nLine 1  plan_base  globex-shop  Plan: starter  20/30 days x 29.00 = 19.33\n"), "\(text)")
        #expect(text.contains("    droplet shop-1 ("), "\(text)")
        #expect(text.contains("): 480 in 20 records\n"))
    }

    @Test func jsonHasTheSameContentWithEveryRecord() async throws {
        let db = try await RevenueMonthEnd.ledger()
        let json = try await ExplainCommand.explain(db: db, invoice: "acme/2026-04", invoiceID: nil, line: nil, format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let lines = try #require(object["lines"] as? [[String: Any]])
        #expect(lines.count == 5)
        let usage = try #require((lines[1]["usage"] as? [[String: Any]])?.first)
        let resources = try #require(usage["resources"] as? [[String: Any]])
        #expect(resources.map { ($0["records"] as? [Any])?.count } == [30, 30, 30, 30])
        #expect(usage["quantity"] as? String == "2874")
    }

    /// revenue-price-change voids April's first invoice and invoices April again: --invoice picks
    /// the one that stands, --invoice-id reaches the void one.
    @Test func theMonthsInvoiceIsTheOneNotVoidAndAnIdReachesAnyOther() async throws {
        let db = try await ScenarioLedgers.copy(of: "revenue-price-change")
        let standing = try await ExplainCommand.explain(db: db, invoice: "acme/2026-04", invoiceID: nil, line: nil, format: .text)
        #expect(standing.hasPrefix("Invoice #2: acme (Acme Pty Ltd), 2026-04, issued: subtotal 37.70, tax 3.77, total 41.47 USD\n"), "\(standing)")
        let void = try await ExplainCommand.explain(db: db, invoice: nil, invoiceID: 1, line: nil, format: .text)
        #expect(void.hasPrefix("Invoice #1: acme (Acme Pty Ltd), 2026-04, void: subtotal 37.70"), "\(void)")
        let may = try await ExplainCommand.explain(db: db, invoice: "acme/2026-05", invoiceID: nil, line: 2, format: .text)
        #expect(may.contains("  allowance: 744 a month; prorated to 360 (15 of 31 days)\n"), "\(may)")
        #expect(may.contains("Price book: standard-2026-05 (effective 2026-05-01)\n"))
    }

    @Test func badAsksAreRefusedSayingWhy() async throws {
        let db = try await RevenueMonthEnd.ledger()
        await #expect(throws: ValidationError.self) {
            try await ExplainCommand.explain(db: db, invoice: "acme/2026-13", invoiceID: nil, line: nil, format: .text)
        }
        do {
            _ = try await ExplainCommand.explain(db: db, invoice: "acme/2026-05", invoiceID: nil, line: nil, format: .text)
            Issue.record("May has no invoice")
        } catch let error as InputError {
            #expect(error.description == "--invoice acme/2026-05: acme has no invoice for 2026-05 that is not void")
        }
        do {
            _ = try await ExplainCommand.explain(db: db, invoice: "acme/2026-04", invoiceID: nil, line: 9, format: .text)
            Issue.record("there is no line 9")
        } catch let error as InputError {
            #expect(error.description.hasSuffix("has lines 1 to 5"))
        }
    }
}
