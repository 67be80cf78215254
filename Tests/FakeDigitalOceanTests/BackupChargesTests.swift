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

private func life(size: FakeSize = small, from start: Timestamp = at(1, month: 3)) -> DropletLife {
    DropletLife(id: 7, name: "web-1", projectName: "tenant-a", size: size, poweredOn: true, createdAt: start)
}

/// Backups as a share of the droplet, hand-computed: the droplet's charge (hours × monthly / 672,
/// half up, capped) for the hours backups were on, × 20 % (weekly) or 30 % (daily), half up.
@Suite struct BackupChargesTests {
    @Test func weeklyForAWholeMonthIsTwentyPercentOfTheMonthlyPrice() throws {
        var droplet = life()
        droplet.setBackups(.weekly, at: at(15, month: 3))
        #expect(try BackupCharges.lines(for: droplet, in: april.range) == [
            InvoiceLine(product: "Droplet Backups", description: "web-1 (Weekly Backup Services)", hours: 720, start: at(1),
                        end: at(1, month: 5), amount: Money(cents: 120), projectName: "tenant-a", category: "iaas", resourceID: "7"),
        ])
    }

    @Test func dailyForAWholeMonthIsThirtyPercent() throws {
        var droplet = life(size: large)
        droplet.setBackups(.daily, at: at(1))
        let lines = try BackupCharges.lines(for: droplet, in: april.range)
        #expect(lines.map(\.description) == ["web-1 (Daily Backup Services)"])
        #expect(lines.map(\.amount) == [Money(cents: 720)])  // 2400 × 30 / 100
    }

    @Test func enabledMidMonthBillsOnlyTheHoursItWasOn() throws {
        // 04-10 12:00 → 05-01: 492 h; 492 × 2400 / 672 = 1757.14 → 1757; × 20 % = 351.4 → $3.51.
        var droplet = life(size: large)
        droplet.setBackups(.weekly, at: at(10, 12))
        let lines = try BackupCharges.lines(for: droplet, in: april.range)
        #expect(lines.map(\.hours) == [492] && lines.map(\.amount) == [Money(cents: 351)])
        #expect(lines.map(\.start) == [at(10, 12)] && lines.map(\.end) == [at(1, month: 5)])
    }

    @Test func aResizeSplitsTheDropletChargeAndPartialHoursAreTruncated() throws {
        // Daily on from 04-05 06:30. Small until 04-20 00:00: 353.5 h → 353 h → 353 × 600 / 672 = 315.18 → 315.
        // Large until the destroy at 04-25 12:15: 132.25 h → 132 h → 132 × 2400 / 672 = 471.43 → 471.
        // (315 + 471) × 30 % = 235.8 → $2.36, over 353 + 132 = 485 hours.
        var droplet = life()
        droplet.setBackups(.daily, at: at(5, 6, 30))
        droplet.resize(to: large, at: at(20))
        droplet.destroy(at: at(25, 12, 15))
        let lines = try BackupCharges.lines(for: droplet, in: april.range)
        #expect(lines.map(\.hours) == [485] && lines.map(\.amount) == [Money(cents: 236)])
        #expect(lines.map(\.start) == [at(5, 6, 30)] && lines.map(\.end) == [at(25, 12, 15)])
    }

    @Test func switchingPlansGivesOneLinePerPlan() throws {
        // Weekly 04-01 → 04-11: 240 h → 214.29 → 214 × 20 % = 42.8 → 43.
        // Daily 04-11 → 05-01: 480 h → 428.57 → 429 × 30 % = 128.7 → 129.
        var droplet = life()
        droplet.setBackups(.weekly, at: at(1))
        droplet.setBackups(nil, at: at(11))
        droplet.setBackups(.daily, at: at(11))
        let lines = try BackupCharges.lines(for: droplet, in: april.range)
        #expect(lines.map(\.description) == ["web-1 (Weekly Backup Services)", "web-1 (Daily Backup Services)"])
        #expect(lines.map(\.hours) == [240, 480] && lines.map(\.amount) == [Money(cents: 43), Money(cents: 129)])
    }

    @Test func stretchesOfThePlanAreAddedBeforeTruncating() throws {
        // Weekly 04-01 00:00 → 04-05 00:30 (96.5 h) and 04-20 00:00 → 05-01 (264 h): 360.5 h → 360 h;
        // 360 × 600 / 672 = 321.43 → 321; × 20 % = 64.2 → 64.
        var droplet = life()
        droplet.setBackups(.weekly, at: at(1))
        droplet.setBackups(nil, at: at(5, 0, 30))
        droplet.setBackups(.weekly, at: at(20))
        let lines = try BackupCharges.lines(for: droplet, in: april.range)
        #expect(lines.map(\.hours) == [360] && lines.map(\.amount) == [Money(cents: 64)])
        #expect(lines.map(\.start) == [at(1)] && lines.map(\.end) == [at(1, month: 5)])
    }

    @Test func theMinimumIsOneCentAndNothingIsBilledWhileOff() throws {
        // $4 droplet, one hour of weekly backups: 400 / 672 = 0.6 → 1 cent; 20 % = 0.2 → the 1-cent minimum.
        var tiny = life(size: SizeCatalogue.size("s-1vcpu-512mb-10gb")!)
        tiny.setBackups(.weekly, at: at(3, 10))
        tiny.setBackups(nil, at: at(3, 11))
        #expect(try BackupCharges.lines(for: tiny, in: april.range).map(\.amount) == [Money(cents: 1)])
        var before = life()
        before.setBackups(.weekly, at: at(1, month: 3))
        before.setBackups(nil, at: at(20, month: 3))
        #expect(try BackupCharges.lines(for: before, in: april.range).isEmpty)
        #expect(try BackupCharges.lines(for: life(), in: april.range).isEmpty)
    }

    @Test func theProducersSubtotalIsTheSumOfItsLines() throws {
        var history = DropletHistory()
        for id in 1...6 {
            var droplet = DropletLife(id: id, name: "d-\(id)", projectName: "p", size: id.isMultiple(of: 2) ? small : large,
                                      poweredOn: true, createdAt: at(id, month: 3))
            if id.isMultiple(of: 3) { droplet.setBackups(.daily, at: at(id, 5)) }
            if id == 4 { droplet.setBackups(.weekly, at: at(12, 7, 30)) }
            history.begin(droplet)
        }
        let world = BillableHistory(droplets: history)
        let lines = try BackupLineProducer().lines(in: april.range, world: world)
        #expect(lines.count == 3)
        #expect(try BackupLineProducer().subtotal(in: april.range, world: world) == (try lines.map(\.amount).sum()))
        // To 04-05 06:00 only d-3 ($24, daily from 04-03 05:00): 49 h → 175 cents → × 30 % = 52.5 → 53.
        #expect(try BackupLineProducer().subtotal(in: at(1)..<at(5, 6), world: world) == Money(cents: 53))
    }
}
