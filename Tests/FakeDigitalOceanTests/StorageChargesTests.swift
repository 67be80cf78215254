import DigitalOcean
import MoneyAndTime
import Testing
@testable import FakeDigitalOcean

private func at(_ day: Int, _ hour: Int = 0, _ minute: Int = 0, month: Int = 4) -> Timestamp {
    Timestamp(year: 2026, month: month, day: day, hour: hour, minute: minute)
}

private let april = BillingMonth(year: 2026, month: 4)

private func life(_ product: StorageLife.Product, centiGB: Int, from start: Timestamp, to end: Timestamp? = nil,
                  name: String = "pgdata") -> StorageLife {
    var life = StorageLife(id: "vol-1", name: name, product: product, region: "syd1", sizeCentiGB: centiGB,
                           projectName: product == .volume ? "data" : "", createdAt: start)
    if let end { life.delete(at: end) }
    return life
}

/// Volumes ($0.10) and snapshots ($0.06) per GB-month, hand-computed:
/// charge = min(hours, 672) × size × rate / 672, half up, at least one cent.
@Suite struct StorageChargesTests {
    @Test func aWholeMonthOfAHundredGBVolumeIsTenDollars() throws {
        // 720 h, capped at 672: 672 × 100 × 10 / 672 = 1000 cents, DO's own example.
        let line = try #require(StorageCharges.line(for: life(.volume, centiGB: 10_000, from: at(1, month: 3)), in: april.range))
        #expect(line == InvoiceLine(product: "Volumes", description: "pgdata (syd1) 100GB", hours: 720, start: at(1), end: at(1, month: 5),
                                    amount: Money(cents: 1_000), projectName: "data", category: "iaas", resourceID: nil,
                                    resourceUUID: "vol-1"))
    }

    @Test func partialHoursAreTruncated() throws {
        // 10:00 → 19:59 is 9 h 59 min → 9 h; 50 GB: 9 × 50 × 10 / 672 = 6.696 → 7 cents.
        let line = try #require(StorageCharges.line(for: life(.volume, centiGB: 5_000, from: at(3, 10), to: at(3, 19, 59)), in: april.range))
        #expect(line.hours == 9 && line.amount == Money(cents: 7))
        #expect(line.start == at(3, 10) && line.end == at(3, 19, 59))
    }

    @Test func snapshotsBillTheirFractionalSize() throws {
        // 2.34 GB for 300 h: 300 × 2.34 × 6 / 672 = 6.268 → 6 cents; a whole month: 2.34 × 6 = 14.04 → 14 cents.
        let short = life(.dropletSnapshot, centiGB: 234, from: at(2), to: at(14, 12), name: "web-1-pre")
        let line = try #require(StorageCharges.line(for: short, in: april.range))
        #expect(line.hours == 300 && line.amount == Money(cents: 6))
        #expect(line.product == "Droplet Snapshots" && line.description == "web-1-pre (syd1) 2.34GB")
        #expect(line.resourceID == "vol-1" && line.resourceUUID == nil && line.projectName == "")
        let month = try #require(StorageCharges.line(for: life(.volumeSnapshot, centiGB: 234, from: at(20, month: 3)), in: april.range))
        #expect(month.amount == Money(cents: 14) && month.product == "Volume Snapshots" && month.resourceUUID == "vol-1")
    }

    @Test func theCapIsTheMonthlyPrice() {
        // 2.34 GB: 671 h → 671 × 234 × 6 / 67200 = 14.019 → 14; 672 h and 744 h → 14.04 → 14.
        // 10 GB volume: 671 h → 99.85 → 100; 672 h → 100; 744 h → 100, never 110.7.
        #expect(StorageCharges.charge(hours: 744, sizeCentiGB: 1_000, centsPerGBMonth: 10) == Money(cents: 100))
        #expect(StorageCharges.charge(hours: 671, sizeCentiGB: 1_000, centsPerGBMonth: 10) == Money(cents: 100))
        #expect(StorageCharges.charge(hours: 600, sizeCentiGB: 1_000, centsPerGBMonth: 10) == Money(cents: 89))  // 89.29
        #expect(StorageCharges.charge(hours: 744, sizeCentiGB: 234, centsPerGBMonth: 6) == Money(cents: 14))
    }

    @Test func roundingIsHalfUpAndTheMinimumIsOneCent() {
        // 1 GB snapshot for 392 h: 392 × 1 × 6 / 672 = 3.5 → 4 cents.
        #expect(StorageCharges.charge(hours: 392, sizeCentiGB: 100, centsPerGBMonth: 6) == Money(cents: 4))
        #expect(StorageCharges.charge(hours: 391, sizeCentiGB: 100, centsPerGBMonth: 6) == Money(cents: 3))  // 3.49
        // 0.05 GB for one hour: 0.0004 cents → the $0.01 minimum.
        #expect(StorageCharges.charge(hours: 1, sizeCentiGB: 5, centsPerGBMonth: 6) == Money(cents: 1))
    }

    @Test func aSnapshotOfFiveMinutesBillsOneHourAndNothingOutsideItsLife() throws {
        let brief = life(.dropletSnapshot, centiGB: 230, from: at(30, 23, 55), name: "late")
        let line = try #require(StorageCharges.line(for: brief, in: april.range))
        #expect(line.hours == 1 && line.amount == Money(cents: 1) && line.description == "late (syd1) 2.3GB")
        #expect(StorageCharges.line(for: life(.volume, centiGB: 100, from: at(1, month: 3), to: at(31, month: 3)), in: april.range) == nil)
        #expect(StorageCharges.line(for: life(.volume, centiGB: 5, from: at(2)), in: april.range)?.description == "pgdata (syd1) 0.05GB")
    }
}
