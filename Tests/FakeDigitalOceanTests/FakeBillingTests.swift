import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing

let april1 = Timestamp(year: 2026, month: 4, day: 1)
let may1 = Timestamp(year: 2026, month: 5, day: 1)
let csvHeader = "product,group_description,description,hours,start,end,USD,project_name,category\n"

/// A fake started on 2026-04-01 with `web-1` (s-1vcpu-1gb) in project `tenant-a` from the start.
func aprilFake(seed: UInt64 = 7, project: String = "tenant-a") throws -> FakeDigitalOcean {
    let fake = FakeDigitalOcean(seed: seed, start: april1)
    try fake.createProject(name: project, description: "", environment: "Production", isDefault: false)
    try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: project)
    return fake
}

extension FakeDigitalOcean {
    /// The issued (or preview) invoice's CSV as text.
    func csv(_ uuid: String) -> APIResponse {
        get("/v2/customers/my/invoices/\(uuid)/csv")
    }
}

/// The fake's invoices through the real client: issued on the 1st, DO's lines, summary and CSV.
@Suite struct FakeBillingTests {
    @Test func wholeAprilOnOneDropletIsOneLineOf720HoursAndSixDollars() async throws {
        let fake = try aprilFake()
        fake.advance(to: may1)
        let list = try await fake.client.invoices()
        let uuid = try fake.invoiceUUID(period: "2026-04")
        #expect(list.invoices.count == 1 && list.total == 1)
        let invoice = try #require(list.invoices.first)
        #expect(invoice.invoiceUUID == uuid && invoice.amount == "6.00" && invoice.invoicePeriod == "2026-04" && invoice.updatedAt == nil)
        let id = try fake.dropletID(name: "web-1")
        #expect(try await fake.client.invoiceItems(uuid: uuid).items == [
            InvoiceItem(product: "Droplets", resourceID: String(id), groupDescription: "", description: "web-1 (s-1vcpu-1gb)",
                        amount: "6.00", duration: "720", durationUnit: "Hours", startTime: "2026-04-01T00:00:00Z",
                        endTime: "2026-05-01T00:00:00Z", projectName: "tenant-a", category: "iaas"),
        ])
        let response = fake.csv(uuid)
        #expect(response.status == 200)
        #expect(response.text == csvHeader
            + "Droplets,,web-1 (s-1vcpu-1gb),720,2026-04-01 00:00:00 +0000,2026-05-01 00:00:00 +0000,$6.00,tenant-a,iaas\n")
        #expect(response.headers["content-type"] == "text/csv")
        #expect(response.headers["content-disposition"] == "attachment; filename=\"DigitalOcean Invoice 2026 Apr (\(invoice.invoiceID)).csv\"")
        #expect(try await fake.client.invoiceCSV(uuid: uuid) == response.body)
        #expect(invoice.invoiceID.count == 9 && invoice.invoiceID.allSatisfy(\.isNumber))
    }

    @Test func resizeMidMonthBillsTwoLinesComputedByHand() async throws {
        let fake = try aprilFake()
        fake.advance(to: Timestamp(year: 2026, month: 4, day: 10, hour: 12, minute: 30))
        try fake.resizeDroplet(name: "web-1", size: "s-2vcpu-4gb")
        fake.advance(to: may1)
        let uuid = try fake.invoiceUUID(period: "2026-04")
        // 228.5 h → 228 h × $6 / 672 = $2.04; 491.5 h → 491 h × $24 / 672 = $17.54.
        #expect(fake.csv(uuid).text == csvHeader
            + "Droplets,,web-1 (s-1vcpu-1gb),228,2026-04-01 00:00:00 +0000,2026-04-10 12:30:00 +0000,$2.04,tenant-a,iaas\n"
            + "Droplets,,web-1 (s-2vcpu-4gb),491,2026-04-10 12:30:00 +0000,2026-05-01 00:00:00 +0000,$17.54,tenant-a,iaas\n")
        #expect(try await fake.client.invoices().invoices.map(\.amount) == ["19.58"])
    }

    @Test func australianGSTAddsATaxLineRoundedHalfUp() async throws {
        let fake = try aprilFake()
        try fake.setTaxRate(basisPoints: 1_000, description: "GST (10%)")
        fake.advance(to: Timestamp(year: 2026, month: 4, day: 10, hour: 12, minute: 30))
        try fake.resizeDroplet(name: "web-1", size: "s-2vcpu-4gb")
        fake.advance(to: may1)
        let uuid = try fake.invoiceUUID(period: "2026-04")
        // 10 % of $19.58 = 195.8 cents → $1.96.
        #expect(fake.csv(uuid).text.hasSuffix(
            "$17.54,tenant-a,iaas\nTaxes,,GST (10%),,2026-04-01 00:00:00 +0000,2026-04-30 23:59:59 +0000,$1.96,,iaas\n"))
        let items = try await fake.client.invoiceItems(uuid: uuid).items
        #expect(items.last == InvoiceItem(product: "Taxes", groupDescription: "", description: "GST (10%)", amount: "1.96", duration: nil,
                                          durationUnit: nil, startTime: "2026-04-01T00:00:00Z", endTime: "2026-04-30T23:59:59Z",
                                          projectName: "", category: "iaas"))
        #expect(try await fake.client.invoices().invoices.map(\.amount) == ["21.54"])
        let summary = try await fake.client.invoiceSummary(uuid: uuid)
        #expect(summary.amount == "21.54" && summary.billingPeriod == "2026-04" && summary.invoiceUUID == uuid)
        #expect(summary.productCharges == .init(name: "Product usage charges", amount: "19.58",
                                                items: [.init(amount: "19.58", name: "Droplets", count: "2")]))
        #expect(summary.taxes == .init(name: "Taxes", amount: "1.96"))
        #expect(summary.overages.amount == "0.00" && summary.creditsAndAdjustments.amount == "0.00")
    }

    /// The simulator keys the syncs' elision on `inventoryRevision` and the invoices job's on
    /// `billingRevision`: each must move with what its listings show and nothing else (or a quiet
    /// year re-lists every month, and a busy one re-lists the invoices after every event).
    @Test func inventoryAndBillingChangesMoveTheirOwnRevisions() throws {
        let fake = try aprilFake()
        let (revision, inventory, billing) = (fake.revision, fake.inventoryRevision, fake.billingRevision)
        try fake.setTaxRate(basisPoints: 1_000, description: "GST (10%)")
        try fake.setInvoiceCSVColumns(InvoiceCSVColumn.standard.filter { $0 != .category })
        fake.advance(to: may1 + 2 * 86_400)
        #expect(fake.revision == revision + 3 && fake.inventoryRevision == inventory && fake.billingRevision == billing + 3)
        try fake.powerOffDroplet(name: "web-1")
        try fake.createDroplet(name: "web-2", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
        #expect(fake.inventoryRevision > inventory + 1 && fake.revision > revision + 4)
        #expect(fake.billingRevision == billing + 3, "no inventory change alters an issued invoice: the invoices job need not run again")
    }

    @Test func billingHistoryGetsTheInvoiceOnThe1stAndThePaymentOnThe2nd() async throws {
        let fake = try aprilFake()
        let before = fake.revision
        let inventoryBefore = fake.inventoryRevision
        fake.advance(to: may1)
        #expect(fake.revision == before + 1, "issuing an invoice changes what the API shows")
        #expect(try await fake.client.billingHistory().items.isEmpty, "the entry is dated later in the day")
        fake.advance(to: may1 + 8 * 3_600 + 44 * 60 + 38)
        #expect(fake.revision == before + 2)
        #expect(fake.inventoryRevision == inventoryBefore, "no inventory listing shows billing: the syncs need not run again")
        let uuid = try fake.invoiceUUID(period: "2026-04")
        let invoiceID = try #require(try await fake.client.invoices().invoices.first?.invoiceID)
        let invoiceEntry = BillingHistoryEntry(description: "Invoice for April 2026", amount: "6.00", invoiceID: invoiceID, invoiceUUID: uuid,
                                               date: "2026-05-01T08:44:38Z", type: "Invoice")
        #expect(try await fake.client.billingHistory().items == [invoiceEntry])
        fake.advance(to: may1 + 86_400 + 8 * 3_600 + 44 * 60 + 38)
        let history = try await fake.client.billingHistory()
        #expect(history.items == [invoiceEntry, BillingHistoryEntry(description: "Payment (Visa 4242)", amount: "-6.00",
                                                                    date: "2026-05-02T08:44:38Z", type: "Payment")])
        #expect(history.total == 2)
        let revision = fake.revision
        fake.advance(to: may1 + 10 * 86_400)
        #expect(fake.revision == revision, "nothing billing shows through revision changes mid-month")
    }

    @Test func balanceHoldsItsIdentityAtAnyInstant() async throws {
        let fake = try aprilFake()
        fake.advance(to: Timestamp(year: 2026, month: 4, day: 15, hour: 12))
        // 348 h × 600 / 672 = 310.71 → $3.11 so far; nothing invoiced yet.
        #expect(try await fake.client.balance() == Balance(monthToDateBalance: "3.11", accountBalance: "0.00", monthToDateUsage: "3.11",
                                                           generatedAt: "2026-04-15T12:00:00Z"))
        fake.advance(to: may1 + 10 * 3_600)
        // April's $6.00 invoiced at 08:44:38, unpaid; May so far: 10 h → $0.09.
        #expect(try await fake.client.balance() == Balance(monthToDateBalance: "6.09", accountBalance: "6.00", monthToDateUsage: "0.09",
                                                           generatedAt: "2026-05-01T10:00:00Z"))
        fake.advance(to: may1 + 2 * 86_400)
        // Paid on the 2nd; May so far: 48 h × 600 / 672 = 42.86 → $0.43.
        #expect(try await fake.client.balance() == Balance(monthToDateBalance: "0.43", accountBalance: "0.00", monthToDateUsage: "0.43",
                                                           generatedAt: "2026-05-03T00:00:00Z"))
    }

    @Test func previewIsTheOpenMonthSoFarUnderTheInvoicesFutureUUID() async throws {
        let fake = try aprilFake()
        try fake.setTaxRate(basisPoints: 1_000, description: "GST (10%)")
        let noon15 = Timestamp(year: 2026, month: 4, day: 15, hour: 12)
        fake.advance(to: noon15)
        let uuid = try fake.invoiceUUID(period: "2026-04")
        let list = try await fake.client.invoices()
        #expect(list.invoices.isEmpty)
        // $3.11 + GST 31.1 cents → $0.31.
        #expect(list.preview?.invoiceUUID == uuid && list.preview?.amount == "3.42" && list.preview?.invoicePeriod == "2026-04")
        #expect(list.preview?.updatedAt == "2026-04-15T12:00:00Z")
        let items = try await fake.client.invoiceItems(uuid: "preview").items
        #expect(items.map(\.duration) == ["348", nil] && items.map(\.amount) == ["3.11", "0.31"])
        #expect(items.first?.endTime == "2026-04-15T12:00:00Z")
        #expect(try await fake.client.invoiceItems(uuid: uuid).items == items, "the month's uuid names the preview until it closes")
        fake.advance(to: noon15 + 3_600)
        #expect(try await fake.client.invoiceItems(uuid: "preview").items.first?.duration == "349", "the preview is never served stale")
        fake.advance(to: may1)
        #expect(try await fake.client.invoices().invoices.map(\.invoiceUUID) == [uuid])
        #expect(try await fake.client.invoiceItems(uuid: uuid).items.map(\.duration) == ["720", nil])
        #expect(try await fake.client.invoices().preview?.invoiceUUID == (try fake.invoiceUUID(period: "2026-05")))
    }

    /// The list prices the preview without drawing up its lines; the items are drawn. Both must
    /// say the same, with and without tax, through resizes, backups, a destroy and an empty start.
    @Test func listedPreviewTotalIsTheSumOfThePreviewsItems() async throws {
        for taxed in [false, true] {
            let fake = FakeDigitalOcean(seed: 3, start: april1)
            if taxed { try fake.setTaxRate(basisPoints: 625, description: "STATE SALES TAX (6.25%)") }
            #expect(try await fake.client.invoices().preview?.amount == "0.00")
            for day in 1...20 {
                fake.advance(to: april1 + Int64(day) * 86_400 + 3_000)
                try fake.createDroplet(name: "web-\(day)", size: day.isMultiple(of: 2) ? "s-2vcpu-2gb" : "s-1vcpu-1gb", region: "nyc3",
                                       tags: [], poweredOn: true, createdAt: nil, project: nil)
                if day.isMultiple(of: 3) { try fake.resizeDroplet(name: "web-\(day - 1)", size: "s-4vcpu-8gb") }
                if day.isMultiple(of: 5) { try fake.destroyDroplet(name: "web-\(day - 2)") }
                fake.advance(to: april1 + Int64(day) * 86_400 + 10_000)
                let listed = try #require(try await fake.client.invoices().preview?.amount)
                let items = try await fake.client.invoiceItems(uuid: "preview").items
                let drawn = try items.map { try Money(decimal: $0.amount) }.sum()
                #expect(listed == drawn.decimalString, "day \(day), taxed: \(taxed)")
                #expect(items.contains { $0.product == "Taxes" } == taxed)
            }
        }
    }

    @Test func unknownInvoiceIs404Everywhere() throws {
        let fake = try aprilFake()
        fake.advance(to: may1)
        for suffix in ["", "/summary", "/csv"] {
            let response = fake.get("/v2/customers/my/invoices/00000000-0000-4000-8000-000000000000\(suffix)")
            #expect(response.status == 404)
            #expect(response.text.contains(#""id":"not_found""#))
        }
        #expect(fake.get("/v2/customers/my/invoices/\(try fake.invoiceUUID(period: "2026-03"))").status == 404)
        #expect(fake.get("/v2/customers/my/nothing").status == 404)
    }

    @Test func destroyedAndLateDropletsBillOnlyTheirLives() async throws {
        let fake = try aprilFake()
        fake.advance(to: Timestamp(year: 2026, month: 4, day: 20, hour: 6, minute: 15))
        try fake.destroyDroplet(name: "web-1")  // 462.25 h → 462 h → 412.5 → $4.13
        fake.advance(to: Timestamp(year: 2026, month: 4, day: 30, hour: 23, minute: 59))
        try fake.createDroplet(name: "late", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: false, createdAt: nil, project: nil)
        fake.advance(to: may1)
        #expect(fake.csv(try fake.invoiceUUID(period: "2026-04")).text == csvHeader
            + "Droplets,,web-1 (s-1vcpu-1gb),462,2026-04-01 00:00:00 +0000,2026-04-20 06:15:00 +0000,$4.13,tenant-a,iaas\n"
            + "Droplets,,late (s-1vcpu-1gb),1,2026-04-30 23:59:00 +0000,2026-05-01 00:00:00 +0000,$0.01,Default,iaas\n")
    }

    @Test func aMonthWithoutUsageIssuesNoInvoice() async throws {
        let fake = FakeDigitalOcean(seed: 7, start: april1)
        let revision = fake.revision
        fake.advance(to: Timestamp(year: 2026, month: 6, day: 3))
        #expect(fake.revision == revision + 1, "closing months moves the preview on, even with nothing to invoice")
        #expect(try await fake.client.invoices().invoices.isEmpty)
        #expect(try await fake.client.billingHistory().items.isEmpty)
        #expect(try await fake.client.balance().monthToDateBalance == "0.00")
    }

    @Test func severalMonthsCloseInOrderAndListNewestFirst() async throws {
        let fake = try aprilFake()
        fake.advance(to: Timestamp(year: 2026, month: 7, day: 15))
        let invoices = try await fake.client.invoices().invoices
        #expect(invoices.map(\.invoicePeriod) == ["2026-06", "2026-05", "2026-04"])
        #expect(invoices.map(\.amount) == ["6.00", "6.00", "6.00"])
        let ids = invoices.compactMap { Int($0.invoiceID) }
        #expect(ids.count == 3 && ids[0] == ids[1] + 1 && ids[1] == ids[2] + 1)
        let history = try await fake.client.billingHistory()
        #expect(history.items.map(\.type) == ["Invoice", "Payment", "Invoice", "Payment", "Invoice", "Payment"])
        #expect(history.items.map(\.date).first == "2026-05-01T08:44:38Z" && history.items.map(\.date).last == "2026-07-02T08:44:38Z")
        let page = fake.get("/v2/customers/my/billing_history", [QueryItem("page", "2"), QueryItem("per_page", "4")])
        #expect(try page.json()["meta"] as? [String: Int] == ["total": 6])
        #expect(page.text.contains(#""first":"https://api.digitalocean.com/v2/customers/my/billing_history?page=1&per_page=4""#))
        #expect(try await fake.client.balance().accountBalance == "0.00")
    }

    @Test func aClosedMonthCannotBeBackdatedInto() throws {
        let fake = try aprilFake()
        fake.advance(to: may1 + 3_600)
        #expect(throws: FakeWorldError.invalidArgument(
            "droplet 'old' cannot be created at 2026-04-30T00:00:00Z: time before 2026-05-01T00:00:00Z is already invoiced")) {
            try fake.createDroplet(name: "old", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true,
                                   createdAt: may1 - 86_400, project: nil)
        }
        #expect(throws: FakeWorldError.invalidArgument("a tax rate is 0…10000 basis points (10% = 1000), got 10001")) {
            try fake.setTaxRate(basisPoints: 10_001, description: "too much")
        }
        #expect(throws: FakeWorldError.invalidArgument("'2026-4' is not a billing period (YYYY-MM)")) {
            try fake.invoiceUUID(period: "2026-4")
        }
    }
}

/// The billing endpoints' raw JSON, as DO shapes it.
@Suite struct FakeBillingShapeTests {
    @Test func balanceAndInvoiceListBodies() throws {
        let fake = try aprilFake()
        fake.advance(to: may1 + 3_600)
        #expect(fake.get("/v2/customers/my/balance").text
            == #"{"account_balance":"0.00","generated_at":"2026-05-01T01:00:00Z","month_to_date_balance":"0.01","month_to_date_usage":"0.01"}"#)
        let april = try fake.invoiceUUID(period: "2026-04"), may = try fake.invoiceUUID(period: "2026-05")
        let list = fake.get("/v2/customers/my/invoices")
        #expect(list.headers["content-type"] == "application/json; charset=utf-8")
        #expect(list.text.hasPrefix(#"{"invoices":[{"amount":"6.00","invoice_id":""#))
        #expect(list.text.contains(#""invoice_period":"2026-04","invoice_uuid":"\#(april)"}],"invoice_preview":{"amount":"0.01","#))
        #expect(list.text.hasSuffix(#""invoice_period":"2026-05","invoice_uuid":"\#(may)","updated_at":"2026-05-01T01:00:00Z"},"links":{},"meta":{"total":1}}"#))
    }

    @Test func renamesAndProjectMovesShowOnTheNextInvoice() throws {
        let fake = try aprilFake()
        try fake.createProject(name: "tenant-b", description: "", environment: nil, isDefault: false)
        fake.advance(to: Timestamp(year: 2026, month: 4, day: 20))
        try fake.renameDroplet(name: "web-1", to: "api-1")
        try fake.assignDroplet(name: "api-1", toProject: "tenant-b")
        try fake.powerOffDroplet(name: "api-1")
        fake.advance(to: may1)
        #expect(fake.csv(try fake.invoiceUUID(period: "2026-04")).text == csvHeader
            + "Droplets,,api-1 (s-1vcpu-1gb),720,2026-04-01 00:00:00 +0000,2026-05-01 00:00:00 +0000,$6.00,tenant-b,iaas\n")
    }
}
