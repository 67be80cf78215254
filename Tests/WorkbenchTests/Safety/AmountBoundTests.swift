import Foundation
import MoneyAndTime
import Testing
import Workbench

/// The reproductions: `92233720368547758.07` (Int.max cents) parsed, then trapped when it
/// was multiplied or summed. Every price a scenario or price book states is now at most
/// `Money.largest`, refused at its file, line and column.
@Suite struct AmountBoundTests {
    func scenarioError(_ yaml: String) -> String? {
        do {
            _ = try ScenarioParser.parse(yaml: yaml, file: "s.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    func bookError(_ yaml: String) -> String? {
        do {
            _ = try PriceBookParser.parse(yaml: yaml, file: "book.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    static let scenario = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-05-01}\n"

    @Test func aSizePriceAboveTheBoundIsRefusedWhereItIsWritten() {
        #expect(scenarioError(Self.scenario + "world:\n  sizes:\n    - {slug: s-1vcpu-1gb, price_monthly: 92233720368547758.07}\n")
            == "s.yaml:6:42: world.sizes[0].price_monthly: '92233720368547758.07' is more than 1000000000.00, the largest amount accepted")
        #expect(scenarioError(Self.scenario + "world:\n  sizes:\n    - {slug: s-1vcpu-1gb, price_monthly: 1000000000.00}\n") == nil)
        #expect(scenarioError(Self.scenario + "world:\n  sizes:\n    - {slug: s-1vcpu-1gb, price_monthly: 1000000000.01}\n")?
            .hasSuffix("'1000000000.01' is more than 1000000000.00, the largest amount accepted") == true)
    }

    @Test func priceBookPricesAboveTheBoundAreRefusedWhereTheyAreWritten() {
        let head = "name: b\neffective_from: 2026-01-01\n"
        #expect(bookError(head + "plans:\n  - {code: a, name: A, base_price: 92233720368547758.07}\n")
            == "book.yaml:4:36: plans[0].base_price: '92233720368547758.07' is more than 1000000000.00, the largest amount accepted")
        #expect(bookError(head + "plans: [{code: a, name: A, base_price: 1.00}]\naddons:\n  - {code: x, name: X, monthly_price: 99999999999999999999}\n")
            == "book.yaml:5:39: addons[0].monthly_price: '99999999999999999999' is more than 1000000000.00, the largest amount accepted")
    }
}
