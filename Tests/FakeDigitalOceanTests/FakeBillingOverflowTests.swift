import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing

/// A world priced far beyond `Money.largest` (only code can build one; the scenario parser refuses
/// such prices) must not trap the fake: the month that overflows is reported by its billing
/// endpoints, as a 500 naming it.
@Suite struct FakeBillingOverflowTests {
    @Test func aMonthWhoseAmountsOverflowAnswers500InsteadOfTrapping() throws {
        let fake = FakeDigitalOcean(seed: 7, start: april1)
        try fake.setSize(FakeSize(slug: "huge", vcpus: 1, memoryMB: 1024, diskGB: 25, transferTB: 1, priceMonthlyCents: Int.max,
                                  description: "Huge"))
        for name in ["a", "b", "c"] {
            try fake.createDroplet(name: name, size: "huge", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
        }
        // An hour in, the three droplets' charges fit: the balance answers.
        fake.advance(to: april1 + 3_600)
        #expect(fake.get("/v2/customers/my/balance").status == 200)
        // Three whole months of Int.max cents do not: April cannot close, and every billing endpoint says so.
        fake.advance(to: may1)
        for path in ["balance", "billing_history", "invoices", "invoices/preview", "invoices/preview/summary"] {
            let response = fake.get("/v2/customers/my/\(path)")
            #expect(response.status == 500, "\(path)")
            #expect(String(decoding: response.body, as: UTF8.self).contains("the fake cannot bill 2026-04: its amounts do not fit in integer cents"),
                    "\(path)")
        }
        // The rest of the API goes on answering.
        #expect(fake.get("/v2/droplets").status == 200)
    }
}
