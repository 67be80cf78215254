import ArcadiaCore
import Foundation
import MoneyAndTime
import Testing
import TestSupport

/// Every line of every golden tenant invoice carries what recomputes its amount: a reader with
/// only the TSV (an auditor, a spreadsheet) gets the same cents as the rollup.
@Suite struct GoldenInvoiceLineRecomputationTests {
    @Test func everyGoldenInvoiceLineRecomputesFromItsOwnColumns() throws {
        let goldens = RepoPaths.root().appendingPathComponent("goldens")
        var checked = 0
        var overageByCharge: [String: (over: Decimal, expected: Decimal)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: goldens.path).sorted() {
            let file = goldens.appendingPathComponent("\(name)/tenant_invoice_lines.tsv")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let rows = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            let header = rows[0]
            for fields in rows.dropFirst() {
                let row = Dictionary(uniqueKeysWithValues: zip(header, fields))
                let label = "\(name): \(fields.joined(separator: " | "))"
                let quantity = try #require(DecimalText.parse(row["quantity"]!), "\(label)")
                let unitPrice = try #require(DecimalText.parse(row["unit_price"]!), "\(label)")
                let amount = try #require(Int(row["amount_cents"]!), "\(label)")
                switch row["line_type"] {
                case "plan_base", "addon":
                    let days = try #require(Int(row["days_in_period"]!), "\(label)")
                    let active = try #require(Int(row["days_active"]!), "\(label)")
                    let monthlyCents = try #require(Int((unitPrice * 100).description), "\(label)")
                    let charged = try #require(Int(quantity.description), "\(label)")
                    #expect(charged == active || charged == days, "\(label)")
                    #expect(amount == Money.roundHalfUp(monthlyCents * charged, dividedBy: days), "\(label)")
                case "overage":
                    #expect(Money(roundingDollars: quantity * unitPrice)?.cents == amount, "\(label)")
                    let used = try #require(row["used_quantity"].flatMap { DecimalText.parse($0) }, "\(label)")
                    let included = try #require(row["included_quantity"].flatMap { DecimalText.parse($0) }, "\(label)")
                    let allowance = try #require(row["allowance_quantity"].flatMap { DecimalText.parse($0) }, "\(label)")
                    let days = try #require(Int(row["days_in_period"]!), "\(label)")
                    let active = try #require(Int(row["days_active"]!), "\(label)")
                    let period = try #require(BillingPeriod(row["period"]!), "\(label)")
                    #expect(allowance == included || allowance == QuoteEngine.prorated(included, days: active, of: period), "\(label)")
                    #expect(period.days == days, "\(label)")
                    // A graduated charge spans several lines: their quantities add up to used − allowance.
                    let key = [name, row["period"]!, row["tenant"]!, row["invoice_created_at"]!, row["subscription"]!, row["resource_kind"]!]
                        .joined(separator: "|")
                    overageByCharge[key, default: (0, used - allowance)].over += quantity
                case "tax":
                    #expect(Money(roundingDollars: quantity * unitPrice)?.cents == amount, "\(label)")
                default:
                    Issue.record("unknown line type in \(label)")
                }
                checked += 1
            }
        }
        for (key, charge) in overageByCharge.sorted(by: { $0.key < $1.key }) {
            #expect(charge.over == charge.expected, "\(key)")
        }
        #expect(checked >= 17, "the shipped goldens hold 17 invoice lines; fewer means the test read nothing")
    }
}
