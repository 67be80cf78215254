import DigitalOcean
import MoneyAndTime
import Testing
@testable import FakeDigitalOcean

private let small = SizeCatalogue.size("s-1vcpu-1gb")!  // $6.00
private let large = SizeCatalogue.size("s-2vcpu-4gb")!  // $24.00
private let april = BillingMonth(year: 2026, month: 4)

private func at(_ day: Int, _ hour: Int = 0, _ minute: Int = 0, month: Int = 4) -> Timestamp {
    Timestamp(year: 2026, month: month, day: day, hour: hour, minute: minute)
}

private func life(from start: Timestamp, size: FakeSize = small) -> DropletLife {
    DropletLife(id: 7, name: "web-1", projectName: "tenant-a", size: size, poweredOn: true, createdAt: start)
}

/// DO's droplet arithmetic against hand-computed cases (charge = hours × monthly / 672, rounded
/// half up to the cent, capped at monthly, at least $0.01; hours truncated, at least 1).
@Suite struct DropletChargesTests {
    @Test func fullMonthOf744HoursIsExactlyTheMonthlyPrice() {
        let march = BillingMonth(year: 2026, month: 3)
        let lines = DropletCharges.lines(for: life(from: at(1, month: 2)), in: march.range)
        #expect(lines == [InvoiceLine(product: "Droplets", description: "web-1 (s-1vcpu-1gb)", hours: 744, start: at(1, month: 3),
                                      end: at(1, month: 4), amount: Money(cents: 600), projectName: "tenant-a", category: "iaas",
                                      resourceID: "7")])
    }

    @Test func tenHoursOfASixDollarDroplet() {
        // 10 × 600 / 672 = 8.93 cents → 9.
        var droplet = life(from: at(3, 8))
        droplet.destroy(at: at(3, 18, 59))
        let lines = DropletCharges.lines(for: droplet, in: april.range)
        #expect(lines.map(\.hours) == [10])
        #expect(lines.map(\.amount) == [Money(cents: 9)])
        #expect(lines.map(\.start) == [at(3, 8)] && lines.map(\.end) == [at(3, 18, 59)])
    }

    @Test func thirtyMinutesBillsTheOneHourMinimum() {
        var droplet = life(from: at(3, 8), size: SizeCatalogue.size("s-4vcpu-8gb")!)
        droplet.destroy(at: at(3, 8, 30))
        let lines = DropletCharges.lines(for: droplet, in: april.range)
        #expect(lines.map(\.hours) == [1])
        #expect(lines.map(\.amount) == [Money(cents: 7)])  // 4800 / 672 = 7.14
    }

    @Test func resizeMidMonthSplitsIntoTwoLines() {
        // s-1vcpu-1gb 04-01 00:00 → 04-10 12:30: 228.5 h → 228 h; 228 × 600 / 672 = 203.57 → $2.04.
        // s-2vcpu-4gb 04-10 12:30 → 05-01 00:00: 491.5 h → 491 h; 491 × 2400 / 672 = 1753.57 → $17.54.
        var droplet = life(from: at(1))
        droplet.resize(to: large, at: at(10, 12, 30))
        let lines = DropletCharges.lines(for: droplet, in: april.range)
        #expect(lines.map(\.description) == ["web-1 (s-1vcpu-1gb)", "web-1 (s-2vcpu-4gb)"])
        #expect(lines.map(\.hours) == [228, 491])
        #expect(lines.map(\.amount) == [Money(cents: 204), Money(cents: 1_754)])
        #expect(lines.map(\.start) == [at(1), at(10, 12, 30)])
        #expect(lines.map(\.end) == [at(10, 12, 30), at(1, month: 5)])
    }

    @Test func createdAt2359OnTheLastDay() {
        let droplet = life(from: at(30, 23, 59))
        let aprilLines = DropletCharges.lines(for: droplet, in: april.range)
        #expect(aprilLines.map(\.hours) == [1])
        #expect(aprilLines.map(\.amount) == [Money(cents: 1)])  // 600 / 672 = 0.89 → 1 cent
        #expect(aprilLines.map(\.start) == [at(30, 23, 59)] && aprilLines.map(\.end) == [at(1, month: 5)])
        // May is whole: 744 h, capped at the monthly price.
        let mayLines = DropletCharges.lines(for: droplet, in: april.next.range)
        #expect(mayLines.map(\.hours) == [744] && mayLines.map(\.amount) == [Money(cents: 600)])
    }

    @Test func capIsReachedAt672Hours() {
        #expect(DropletCharges.charge(hours: 671, monthlyCents: 600) == Money(cents: 599))  // 599.11
        #expect(DropletCharges.charge(hours: 672, monthlyCents: 600) == Money(cents: 600))
        #expect(DropletCharges.charge(hours: 673, monthlyCents: 600) == Money(cents: 600))
        #expect(DropletCharges.charge(hours: 720, monthlyCents: 600) == Money(cents: 600))
        var droplet = life(from: at(2))
        droplet.destroy(at: at(30))  // 28 days = 672 h
        #expect(DropletCharges.lines(for: droplet, in: april.range).map(\.amount) == [Money(cents: 600)])
    }

    @Test func roundingIsHalfUpAndTheMinimumIsOneCent() {
        #expect(DropletCharges.charge(hours: 1, monthlyCents: 1_008) == Money(cents: 2))  // exactly 1.5 → 2
        #expect(DropletCharges.charge(hours: 1, monthlyCents: 200) == Money(cents: 1))  // 0.30 → 0 → minimum 1
        #expect(DropletCharges.billableHours(seconds: 1) == 1)
        #expect(DropletCharges.billableHours(seconds: 7_199) == 1)
        #expect(DropletCharges.billableHours(seconds: 7_200) == 2)
    }

    @Test func poweredOffDropletStillBills() {
        var on = life(from: at(1))
        var off = life(from: at(1))
        off.setPower(on: false, at: at(2))
        on.destroy(at: at(20))
        off.destroy(at: at(20))
        #expect(off.powerChanges.map(\.poweredOn) == [true, false])
        #expect(DropletCharges.lines(for: off, in: april.range) == DropletCharges.lines(for: on, in: april.range))
        #expect(DropletCharges.lines(for: off, in: april.range).map(\.hours) == [456])
    }

    @Test func aSizeUsedTwiceIsOneLineWithBothStretches() {
        // small 10 h, large 5 h, small again 20 h → small 30 h (27 cents), large 5 h (17.86 → 18 cents).
        var droplet = life(from: at(5))
        droplet.resize(to: large, at: at(5, 10))
        droplet.resize(to: small, at: at(5, 15))
        droplet.destroy(at: at(6, 11))
        let lines = DropletCharges.lines(for: droplet, in: april.range)
        #expect(lines.map(\.description) == ["web-1 (s-1vcpu-1gb)", "web-1 (s-2vcpu-4gb)"])
        #expect(lines.map(\.hours) == [30, 5])
        #expect(lines.map(\.amount) == [Money(cents: 27), Money(cents: 18)])
        #expect(lines.map(\.start) == [at(5), at(5, 10)] && lines.map(\.end) == [at(6, 11), at(5, 15)])
    }

    @Test func nothingOutsideTheDropletsLife() {
        var droplet = life(from: at(1, month: 5))
        #expect(DropletCharges.lines(for: droplet, in: april.range).isEmpty)
        droplet.destroy(at: at(1, month: 5))
        #expect(DropletCharges.lines(for: droplet, in: april.next.range).isEmpty)
    }
}

/// The balance's fast path must agree with the invoice to the cent, whatever the droplet did.
@Suite struct DropletUsageTests {
    @Test func usageEqualsTheSumOfTheLinesForEveryShapeOfLife() throws {
        var random = SmallLCG(state: 12_345)
        func next(_ bound: Int64) -> Int64 { random.next(bound) }
        let month = Timestamp(year: 2026, month: 4, day: 1)..<Timestamp(year: 2026, month: 5, day: 1)
        let sizes = [SizeCatalogue.size("s-1vcpu-1gb")!, SizeCatalogue.size("s-2vcpu-4gb")!, SizeCatalogue.size("s-4vcpu-8gb")!]
        for id in 0..<500 {
            let created = month.lowerBound + next(40 * 86_400) - 5 * 86_400
            var life = DropletLife(id: id, name: "d\(id)", projectName: "p", size: sizes[Int(next(3))], poweredOn: true, createdAt: created)
            var time = created
            for _ in 0..<next(3) {
                time = time + 1 + next(6 * 86_400)
                life.resize(to: sizes[Int(next(3))], at: time)
            }
            if next(2) == 0 { life.destroy(at: time + 1 + next(10 * 86_400)) }
            for upper in [month.upperBound, month.lowerBound + next(31 * 86_400) + 1] {
                let period = month.lowerBound..<upper
                #expect(try DropletCharges.usage(for: life, in: period) == DropletCharges.lines(for: life, in: period).map(\.amount).sum(),
                        "droplet \(id), period ending \(upper)")
            }
        }
    }
}

/// A resized droplet worked out up to its last resize must owe, for any later end, what its
/// usage over the whole period says: sizes used twice (A→B→A) and resizes right at the start
/// included.
@Suite struct ResizedUsageTests {
    @Test func workedOutUpToTheLastResizeEqualsTheWholeUsage() throws {
        var random = SmallLCG(state: 777)
        func next(_ bound: Int64) -> Int64 { random.next(bound) }
        let from = Timestamp(year: 2026, month: 4, day: 1)
        let sizes = [SizeCatalogue.size("s-1vcpu-1gb")!, SizeCatalogue.size("s-2vcpu-4gb")!]
        for id in 0..<300 {
            let created = from + next(10 * 86_400) - 5 * 86_400
            var life = DropletLife(id: id, name: "d\(id)", projectName: "p", size: sizes[Int(next(2))], poweredOn: true, createdAt: created)
            var time = max(created, from - 3_600)
            for _ in 0...next(4) {
                time = time + next(3) * 1_800 + next(3 * 86_400)
                life.resize(to: sizes[Int(next(2))], at: max(time, from + 1))
            }
            let resized = try DropletCharges.Resized(life, at: 0, from: from)
            for end in [life.currentSize.since, life.currentSize.since + 1, life.currentSize.since + 3_599, life.currentSize.since + next(40 * 86_400)] {
                #expect(try resized.usage(until: end) == DropletCharges.usage(for: life, in: from..<end), "droplet \(id), until \(end)")
            }
        }
    }
}

/// The hourly balance charges steady droplets per price (`SteadyFleetIndex`); it must agree with
/// charging every droplet alone, for any period, and after every change to the history.
@Suite struct DropletHistoryUsageTests {
    @Test func fleetUsageEqualsTheDropletByDropletSumThroughChanges() throws {
        var random = SmallLCG(state: 54_321)
        func next(_ bound: Int64) -> Int64 { random.next(bound) }
        let months = [Timestamp(year: 2026, month: 4, day: 1), Timestamp(year: 2026, month: 5, day: 1)]
        let sizes = [SizeCatalogue.size("s-1vcpu-1gb")!, SizeCatalogue.size("s-2vcpu-4gb")!, SizeCatalogue.size("s-4vcpu-8gb")!]
        var history = DropletHistory()
        var alive: [Int] = []
        func check(_ note: String) throws {
            for start in months {
                // The same start twice (the cached split), an empty period, and part of the month.
                for upper in [start + 3_600, start, start + next(31 * 86_400) + 1, start + 1_800] {
                    let period = start..<max(start, upper)
                    var expected = Money.zero
                    for life in history.lives { expected = try expected.adding(DropletCharges.usage(for: life, in: period)) }
                    #expect(try history.usage(in: period) == expected, "\(note), period \(period)")
                }
            }
        }
        var time = months[0] - 10 * 86_400
        for id in 0..<300 {
            history.begin(DropletLife(id: id, name: "d\(id)", projectName: "p", size: sizes[Int(next(3))], poweredOn: true, createdAt: time))
            alive.append(id)
            time = time + next(3 * 3_600)
            if id % 25 == 0 { try check("after creating \(id)") }
            if next(4) == 0 {
                let victim = alive[Int(next(Int64(alive.count)))]
                // A copy taken before the change keeps answering for the history it copied.
                let before = history
                let beforeUsage = try before.usage(in: months[1]..<(months[1] + 86_400))
                history.update(id: victim) { $0.resize(to: sizes[Int(next(3))], at: time) }
                try check("after resizing \(victim)")
                #expect(try before.usage(in: months[1]..<(months[1] + 86_400)) == beforeUsage)
            }
            if next(6) == 0, let victim = alive.first {
                alive.removeFirst()
                history.update(id: victim) { $0.destroy(at: time) }
                try check("after destroying \(victim)")
            }
        }
        try check("at the end")
    }
}

/// A tiny seeded generator for the fast-path tests: the same lives and periods on every run.
struct SmallLCG {
    var state: UInt64

    mutating func next(_ bound: Int64) -> Int64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int64((state >> 33) % UInt64(bound))
    }
}
