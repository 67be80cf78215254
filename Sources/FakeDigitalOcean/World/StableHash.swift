/// Values derived from the seed and a key by hashing, for what the fake produces on its own as
/// time passes (backups, their sizes and ids): unlike the world's stream, they do not depend on
/// how many draws came before, so producing one never shifts a later droplet's id.
enum StableHash {
    static func value(seed: UInt64, key: UInt64, salt: UInt64) -> UInt64 {
        SeededGenerator.mix(seed ^ SeededGenerator.mix(key ^ SeededGenerator.mix(salt &+ 0x5EED)))
    }

    /// FNV-1a: a stable 64-bit key for a text id such as a UUID.
    static func key(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
