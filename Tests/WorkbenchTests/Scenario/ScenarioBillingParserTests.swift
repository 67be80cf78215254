import DigitalOcean
import Testing
import Workbench

@Suite struct ScenarioBillingParserTests {
    static let header = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-06-01}\n"

    func parse(_ yaml: String) throws(ScenarioError) -> Scenario {
        try ScenarioParser.parse(yaml: Self.header + yaml, file: "b.yaml")
    }

    func failure(_ yaml: String) -> ScenarioError? {
        do {
            _ = try parse(yaml)
            return nil
        } catch {
            return error
        }
    }

    @Test func anAccountTaxRateBecomesBasisPoints() throws {
        #expect(try parse("account: {tax: {rate: 10%, description: GST (10%)}}\n").account.tax == TaxSpec(basisPoints: 1000, description: "GST (10%)"))
        #expect(try parse("account: {tax: {rate: 12.5%, description: VAT}}\n").account.tax?.basisPoints == 1250)
        #expect(try parse("account: {tax: {rate: 0.25%, description: X}}\n").account.tax?.basisPoints == 25)
    }

    @Test(arguments: [("10", "'10' is not a percentage; write it like 10%"),
                      ("10.125%", "'10.125%' is not a percentage with at most two decimals, e.g. 10% or 12.5%"),
                      ("101%", "'101%' is more than 100%"),
                      ("92233720368547759%", "'92233720368547759%' is more than 100%"),
                      ("9223372036854775807.99%", "'9223372036854775807.99%' is more than 100%"),
                      ("-1%", "'-1%' is not a percentage with at most two decimals, e.g. 10% or 12.5%")])
    func aBadTaxRateIsAnErrorAtItsValue(rate: String, message: String) {
        let error = failure("account:\n  tax: {rate: \(rate), description: GST}\n")
        #expect(error?.field == "account.tax.rate")
        #expect(error?.message == message)
        #expect(error?.location.line == 5)
    }

    @Test func csvColumnsMustBeDOsOwnAndIncludeTheRequiredOnes() {
        #expect(failure("account: {csv_columns: [product, description, start, end, USD, usd]}\n")?.message
            == "must be one of product, group_description, description, hours, start, end, USD, project_name, category; found 'usd' (did you mean 'USD'?)")
        #expect(failure("account: {csv_columns: [product, description, start, end]}\n")?.message
            == "DO's export always has column 'USD'; list it")
        #expect(failure("account: {csv_columns: [product, description, start, end, USD, end]}\n")?.message
            == "column 'end' is listed twice")
    }

    @Test func billingEventsParseIntoTheirActions() throws {
        let scenario = try parse("""
            timeline:
              - at: 2026-05-01T01:00:00Z
                corrupt_invoice_csv: {period: 2026-04, how: missing_column, column: USD}
              - at: 2026-05-02T00:00:00Z
                reingest_invoice: {period: 2026-04}
              - at: 2026-05-02T00:00:00Z
                set_invoice_csv_columns: {columns: [USD, product, description, start, end]}
            """)
        #expect(scenario.timeline.map(\.action) == [
            .corruptInvoiceCSV(period: "2026-04", how: .missingColumn("USD")),
            .reingestInvoice(period: "2026-04"),
            .setInvoiceCSVColumns(["USD", "product", "description", "start", "end"]),
        ])
    }

    @Test func aReingestBeforeDOCouldHaveIssuedTheInvoiceIsAnError() {
        let error = failure("timeline:\n  - at: 2026-04-30T23:00:00Z\n    reingest_invoice: {period: 2026-04}\n")
        #expect(error?.field == "timeline[0].reingest_invoice.period")
        #expect(error?.message.hasPrefix("the 2026-04 invoice cannot exist at 2026-04-30T23:00:00Z") == true)
    }

    @Test func aBadPeriodOrAStrayColumnIsNamed() {
        #expect(failure("timeline:\n  - at: 2026-05-01T00:00:00Z\n    reingest_invoice: {period: 2026-13}\n")?.message
            == "'2026-13' is not a billing month; write it YYYY-MM, e.g. 2026-04")
        #expect(failure("timeline:\n  - at: 2026-05-01T00:00:00Z\n    corrupt_invoice_csv: {period: 2026-04, how: truncated, column: USD}\n")?.message
            == "'column' only goes with how: missing_column")
    }

    @Test func worldSizesKeepExactCentsAndRejectBadPrices() throws {
        let world = try parse("world:\n  sizes:\n    - {slug: s-1vcpu-1gb, price_monthly: \"7.05\"}\n    - {slug: x-1, price_monthly: 30, vcpus: 2, memory: 4096, disk: 80}\n").world
        #expect(world.sizes.map(\.priceMonthlyCents) == [705, 3000])
        #expect(world.sizes[1].vcpus == 2 && world.sizes[1].memoryMB == 4096 && world.sizes[1].diskGB == 80)
        let bad = failure("world:\n  sizes:\n    - {slug: s-1vcpu-1gb, price_monthly: 7.005}\n")
        #expect(bad?.field == "world.sizes[0].price_monthly")
        #expect(bad?.message == "'7.005' is not a price in dollars with at most two decimals, e.g. 7.00")
        #expect(failure("world:\n  sizes:\n    - {slug: a, price_monthly: 1}\n    - {slug: a, price_monthly: 2}\n")?.message
            == "size 'a' is listed twice")
    }
}

@Suite struct ScenarioVolumeTests {
    static let header = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-06-01}\nworld:\n  droplets: [{name: db-1, size: s, region: syd1}]\n  volumes: [{name: pg, size: 100, region: syd1, attached_to: db-1}]\n"

    func failure(_ timeline: String) -> ScenarioError? {
        do {
            _ = try ScenarioParser.parse(yaml: Self.header + "timeline:\n" + timeline, file: "v.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func volumeActionsAreCheckedAgainstTheWorldAtTheirInstant() {
        #expect(failure("  - at: 2026-04-02T00:00:00Z\n    delete_volume: {name: pg}\n")?.message == "volume 'pg' is attached to 'db-1'; detach it first")
        #expect(failure("  - at: 2026-04-02T00:00:00Z\n    attach_volume: {name: pg, droplet: db-1}\n")?.message
            == "volume 'pg' is already attached to 'db-1' at 2026-04-02T00:00:00Z")
        #expect(failure("  - at: 2026-04-02T00:00:00Z\n    attach_volume: {name: nope, droplet: db-1}\n")?.field == "timeline[0].attach_volume.name")
        #expect(failure("""
              - at: 2026-04-02T00:00:00Z
                destroy_droplet: {name: db-1}
              - at: 2026-04-03T00:00:00Z
                delete_volume: {name: pg}
            """ + "\n") == nil, "destroying the droplet detaches its volumes, so the delete is fine")
        #expect(failure("  - at: 2026-04-02T00:00:00Z\n    detach_volume: {name: pg}\n  - at: 2026-04-03T00:00:00Z\n    detach_volume: {name: pg}\n")?.message
            == "volume 'pg' is not attached at 2026-04-03T00:00:00Z")
    }
}

@Suite struct ScenarioFaultBodyTests {
    @Test func aBodyFaultParsesAndRefusesAStatus() throws {
        let header = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-05-01}\ntimeline:\n  - at: 2026-04-01T01:00:00Z\n"
        let parsed = try ScenarioParser.parse(yaml: header + "    fault: {path: /v2/droplets, body: not_json, times: 2}\n", file: "f.yaml")
        #expect(parsed.timeline[0].action == .fault(FaultSpec(path: "/v2/droplets", body: .notJSON, times: 2)))
        do {
            _ = try ScenarioParser.parse(yaml: header + "    fault: {path: /v2/droplets, body: truncated, status: 503}\n", file: "f.yaml")
            Issue.record("a body fault with a status must be refused")
        } catch {
            #expect(error.field == "timeline[0].fault.status")
            #expect(error.message == "a 'body' fault answers 200 with a broken body; leave out 'status'")
        }
    }
}

@Suite struct ScenarioReservedIPTests {
    static let header = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-06-01}\nworld:\n  droplets: [{name: a, size: s, region: syd1}, {name: b, size: s, region: syd1}]\n  reserved_ips: [{name: ip1, region: syd1, droplet: a}]\n"

    func failure(_ timeline: String) -> ScenarioError? {
        do {
            _ = try ScenarioParser.parse(yaml: Self.header + "timeline:\n" + timeline, file: "ip.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func reservedIPActionsAreCheckedInTimeOrder() {
        #expect(failure("  - at: 2026-04-02T00:00:00Z\n    release_ip: {name: ip1}\n")?.message == "reserved IP 'ip1' is assigned to 'a'; unassign it first")
        #expect(failure("  - at: 2026-04-02T00:00:00Z\n    reserve_ip: {name: ip2, region: syd1, droplet: a}\n")?.message
            == "droplet 'a' already has reserved IP 'ip1'")
        #expect(failure("  - at: 2026-04-02T00:00:00Z\n    unassign_ip: {name: ip9}\n")?.field == "timeline[0].unassign_ip.name")
        #expect(failure("  - at: 2026-04-02T00:00:00Z\n    destroy_droplet: {name: a}\n  - at: 2026-04-03T00:00:00Z\n    release_ip: {name: ip1}\n") == nil,
                "destroying the droplet unassigns its IP")
        #expect(failure("  - at: 2026-04-02T00:00:00Z\n    unassign_ip: {name: ip1}\n  - at: 2026-04-03T00:00:00Z\n    assign_ip: {name: ip1, droplet: b}\n") == nil)
    }
}
