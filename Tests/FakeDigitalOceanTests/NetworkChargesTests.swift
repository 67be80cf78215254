import DigitalOcean
import MoneyAndTime
import Testing
@testable import FakeDigitalOcean

private let june = BillingMonth(year: 2026, month: 6)

private func at(_ day: Int, _ hour: Int = 0, _ minute: Int = 0, month: Int = 6) -> Timestamp {
    Timestamp(year: 2026, month: month, day: day, hour: hour, minute: minute)
}

/// Load balancer and reserved IP lines against hand-computed cases: the droplet rule
/// (hours × monthly / 672, half up, capped, at least 1 hour) at $12.00 a node and $4.00 an IP.
@Suite struct NetworkChargesTests {
    @Test func aResizedLoadBalancerBillsOneLinePerNodeCount() {
        var balancer = SteppedLife(id: "lb", name: "lb-web", projectName: "shop", startedAt: at(1), value: 1)
        balancer.set(3, at: at(10, 12))
        let lines = LoadBalancerCharges.lines(for: balancer, in: june.range)
        // 1 node 228 h: 228 × 1200 / 672 = 407.14 → 407; 3 nodes 492 h: 492 × 3600 / 672 = 2635.71 → 2636.
        #expect(lines.map(\.description) == ["lb-web (1 node)", "lb-web (3 nodes)"])
        #expect(lines.map(\.hours) == [228, 492])
        #expect(lines.map(\.amount) == [Money(cents: 407), Money(cents: 2_636)])
        #expect(lines.map(\.start) == [at(1), at(10, 12)] && lines.map(\.end) == [at(10, 12), at(1, month: 7)])
        #expect(lines.allSatisfy { $0.product == "Load Balancers" && $0.projectName == "shop" })
    }

    @Test func aNodeCountUsedTwiceIsOneLineAndAFullMonthIsCapped() {
        var balancer = SteppedLife(id: "lb", name: "lb", projectName: "p", startedAt: at(1, month: 5), value: 2)
        balancer.set(1, at: at(5))
        balancer.set(2, at: at(6))
        let lines = LoadBalancerCharges.lines(for: balancer, in: june.range)
        // 2 nodes: 96 h + 600 h = 696 h ≥ 672: capped at 2 × $12 = $24.00; 1 node: 24 h × 1200 / 672 = 42.86 → 43.
        #expect(lines.map(\.description) == ["lb (2 nodes)", "lb (1 node)"])
        #expect(lines.map(\.hours) == [696, 24])
        #expect(lines.map(\.amount) == [Money(cents: 2_400), Money(cents: 43)])
        #expect(lines[0].start == at(1) && lines[0].end == at(1, month: 7))
    }

    @Test func aDeletedLoadBalancerBillsItsTruncatedHoursAndNothingAfter() {
        var balancer = SteppedLife(id: "lb", name: "lb", projectName: "p", startedAt: at(3, 10, 15), value: 1)
        balancer.end(at: at(3, 12, 14))
        // 1 h 59 min → 1 h: 1200 / 672 = 1.79 → 2 cents.
        #expect(LoadBalancerCharges.lines(for: balancer, in: june.range).map(\.amount) == [Money(cents: 2)])
        #expect(LoadBalancerCharges.lines(for: balancer, in: BillingMonth(year: 2026, month: 7).range).isEmpty)
    }

    @Test func anUnassignedIPBillsItsUnassignedHoursOnly() {
        var ip = SteppedLife(id: "1.2.3.4", name: "1.2.3.4", projectName: "shop", startedAt: at(1), value: false)
        ip.set(true, at: at(11))   // 240 h unassigned
        ip.set(false, at: at(21))  // and 240 h more to the end of June
        let line = ReservedIPCharges.line(for: ip, in: june.range)
        // 480 h × 400 / 672 = 285.71 → 286.
        #expect(line == InvoiceLine(product: "Floating IPs", description: "Unused Floating IP - 1.2.3.4", hours: 480, start: at(1),
                                    end: at(1, month: 7), amount: Money(cents: 286), projectName: "shop", category: "iaas"))
    }

    @Test func anIPChargeUnderOneDollarIsWaivedAndAFullMonthIsCapped() {
        func unassigned(hours: Int64) -> SteppedLife<Bool> {
            var ip = SteppedLife(id: "ip", name: "ip", projectName: "p", startedAt: at(1), value: false)
            ip.end(at: at(1) + hours * 3_600)
            return ip
        }
        // 167 h × 400 / 672 = 99.40 → 99: waived. 168 h = 100.00: billed.
        #expect(ReservedIPCharges.line(for: unassigned(hours: 167), in: june.range) == nil)
        #expect(ReservedIPCharges.line(for: unassigned(hours: 168), in: june.range)?.amount == Money(cents: 100))
        // 720 h: over the 672-hour cap, $4.00.
        #expect(ReservedIPCharges.line(for: unassigned(hours: 720), in: june.range)?.amount == Money(cents: 400))
        var assigned = SteppedLife(id: "ip", name: "ip", projectName: "p", startedAt: at(1), value: true)
        assigned.end(at: at(30))
        #expect(ReservedIPCharges.line(for: assigned, in: june.range) == nil, "an assigned IP is free")
    }

    @Test func reservedAndAssignedAtTheSameInstantNeverCountsAsUnassigned() {
        var ip = SteppedLife(id: "ip", name: "ip", projectName: "p", startedAt: at(1), value: false)
        ip.set(true, at: at(1))
        #expect(ip.steps == [Step(since: at(1), value: true)])
    }
}
