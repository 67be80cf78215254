import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Testing
import WorkbenchTestSupport

/// The upcoming invoice (`UpcomingInvoices`) against the invoice the month-end rollup then writes.
@Suite struct UpcomingInvoiceTests {
    /// `revenue-month-end` is quiet after globex subscribes on April 11, until the rollup on May 1.
    static let midMonth = Timestamp(year: 2026, month: 4, day: 20, hour: 12)
    /// When the whole scenario has played: the rollup's drafts (rebuilt identically at 03:20) issued.
    static let scenarioEnd = Timestamp(year: 2026, month: 5, day: 6)

    /// What a line says, without the ids of the invoice it sits on.
    static func content(_ invoice: TenantInvoice?) -> [String] {
        guard let invoice else { return ["none"] }
        return ["\(invoice.subtotal.cents) + \(invoice.tax.cents) = \(invoice.total.cents)"] + invoice.lines.map {
            "\($0.lineNo) \($0.kind.rawValue) \($0.deploymentCode ?? "-") \($0.subscriptionID.map(String.init) ?? "-") \($0.description) "
                + "\(DecimalText.format($0.quantity)) x \(DecimalText.format($0.unitPrice)) = \($0.amount.cents)"
        }
    }

    @Test(arguments: ["acme", "globex"])
    func theProjectionIsTheInvoiceTheRollupWritesForAQuietRestOfTheMonth(_ tenant: String) async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger(endingAt: Self.midMonth))
        let preview = try UpcomingInvoices(ledger: ledger, clock: .fixed(Self.midMonth)).preview(tenant: tenant)
        let final = try Ledger(path: try await RevenueMonthEnd.ledger())
        let clock = EngineClock.fixed(Self.scenarioEnd)
        let invoiced = try TenantInvoicing(ledger: final, clock: clock, usage: .metered(by: MeteringEngine(ledger: final, clock: clock)))
            .invoice(tenant: tenant, period: preview.period)
        #expect(invoiced != nil)
        #expect(Self.content(preview.projection) == Self.content(invoiced))
        // globex's country (US) has no rate in the book: the rollup says so, for the period to date and the projection.
        #expect(preview.notes == (tenant == "acme" ? [] : ["country US has no tax rate in price book 'standard-2026', so no tax is charged"]),
                "said once, though both the period to date and the projection say it")
    }

    @Test func toDateIsTheMeteredDaysOnly() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger(endingAt: Self.midMonth))
        let before = try LedgerExport.export(ledger)
        let preview = try UpcomingInvoices(ledger: ledger, clock: .fixed(Self.midMonth)).preview(tenant: "acme")
        #expect(preview.meteredThrough == Timestamp(year: 2026, month: 4, day: 20), "the 01:10 run on the 20th metered the 19th")
        #expect(preview.period.description == "2026-04")
        let toDate = try #require(preview.toDate)
        // acme-web's starter plan for 19 of 30 days: $29.00 x 19 / 30 = $18.3666… -> $18.37.
        #expect(toDate.lines.first { $0.deploymentCode == "acme-web" && $0.kind == .planBase }?.amount.cents == 1837)
        #expect(toDate.total < preview.projection!.total)
        #expect(try LedgerExport.export(ledger) == before, "a preview only reads the ledger")
    }

    @Test func beforeAnyDayIsMeteredNothingIsPricedToDate() async throws {
        let start = Timestamp(year: 2026, month: 4, day: 1, hour: 0, minute: 30)
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger(endingAt: start))
        let preview = try UpcomingInvoices(ledger: ledger, clock: .fixed(start)).preview(tenant: "acme")
        #expect(preview.meteredThrough == Timestamp(year: 2026, month: 4, day: 1))
        #expect(preview.toDate == nil)
        // api-4's six hours off on April 10 are not known yet: all four droplets run all month.
        #expect(preview.projection?.lines.contains { $0.kind == .overage && $0.description.contains("2880 used") } == true)
    }

    /// A scenario's ledger served months later (`arcadia serve` without `--schedule`): nothing has
    /// metered it since May, so nothing of December is priced to date. It used to report metered
    /// through today and bill the plan and addons for six December days nothing had metered.
    @Test func aLedgerNobodyMetersAnyMoreIsNotTakenAsMeteredToToday() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger())
        let later = Timestamp(year: 2026, month: 12, day: 7, hour: 12)
        let preview = try UpcomingInvoices(ledger: ledger, clock: .fixed(later)).preview(tenant: "acme")
        #expect(preview.period.description == "2026-12")
        #expect(preview.meteredThrough == Timestamp(year: 2026, month: 12, day: 1))
        #expect(preview.toDate == nil)
        #expect(preview.projection != nil, "the rest of the month is still projected from what was last observed")
    }

    @Test func anUnknownTenantIsRefused() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger(endingAt: Self.midMonth))
        #expect(throws: TenantInvoiceError.noSuchTenant("nobody")) {
            try UpcomingInvoices(ledger: ledger, clock: .fixed(Self.midMonth)).preview(tenant: "nobody")
        }
    }
}
