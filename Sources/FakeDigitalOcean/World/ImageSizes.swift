import DigitalOcean
import MoneyAndTime

/// Seed-driven sizes of disk images, in hundredths of a GB (DO bills a snapshot on its
/// `size_gigabytes`, a decimal such as `2.34`), derived by `StableHash`.
///
/// - A droplet's image is about the disk actually used: a base of 1.50–3.49 GB (the OS and the
///   application) growing 0.00–0.14 GB a day since the droplet was created, a jitter of ±0.05 GB
///   per image, never more than the size's disk and never below 0.01 GB.
/// - A volume's snapshot is the data on it: 5–90 % of the volume (fixed per volume), ±0.05 GB
///   per snapshot, never more than the volume.
struct ImageSizes {
    let seed: UInt64

    func droplet(id: Int, createdAt: Timestamp, diskGB: Int, at time: Timestamp, salt: UInt64) -> Int {
        let base = 150 + Int(hash(UInt64(id), 1) % 200)
        let growthPerDay = Int(hash(UInt64(id), 2) % 15)
        let days = Int(max(0, time - createdAt) / 86_400)
        let jitter = Int(hash(UInt64(id), salt) % 11) - 5
        return min(diskGB * 100, max(1, base + growthPerDay * days + jitter))
    }

    func volume(key: UInt64, sizeGB: Int, salt: UInt64) -> Int {
        let used = sizeGB * (5 + Int(hash(key, 3) % 86))
        let jitter = Int(hash(key, salt) % 11) - 5
        return min(sizeGB * 100, max(1, used + jitter))
    }

    /// `234` hundredths of a GB as DO's JSON number `2.34`. The division is exact in decimal and
    /// correctly rounded in binary, so the double prints back as `2.34`.
    static func gigabytes(centi: Int) -> Double {
        Double(centi) / 100
    }

    private func hash(_ key: UInt64, _ salt: UInt64) -> UInt64 {
        StableHash.value(seed: seed, key: key, salt: salt)
    }
}
