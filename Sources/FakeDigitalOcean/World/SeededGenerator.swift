/// SplitMix64: tiny, fast and fully specified, so the same seed yields the same world on every
/// platform and toolchain. The standard library's `random(in:using:)` is avoided on purpose: its
/// sampling algorithm is not a documented contract, and goldens must not move with a compiler.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finalizer; also used statelessly to derive values (request ids) that must not
    /// disturb the world's stream.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` by plain modulo; the bias is irrelevant for ids and addresses.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next() % UInt64(bound))
    }

    mutating func uuid() -> String {
        DeterministicFormat.uuid(next(), next())
    }

    /// `count` lowercase hex digits (e.g. DO's 40-digit `owner_uuid`).
    mutating func hex(digits count: Int) -> String {
        var text = ""
        while text.count < count {
            text += DeterministicFormat.hex(next(), width: 16)
        }
        return String(text.prefix(count))
    }
}

/// Fixed-width formatting of generated numbers, independent of locale.
enum DeterministicFormat {
    /// An RFC 4122 version-4-shaped UUID string from 128 bits.
    static func uuid(_ high: UInt64, _ low: UInt64) -> String {
        let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        // Written digit by digit: every response of the fake carries one (its request id).
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var at = 0
            func digits(_ value: UInt64, from: Int, to: Int) {
                for nibble in from..<to {
                    buffer[at] = hexDigits[Int((value >> UInt64(60 - 4 * nibble)) & 0xF)]
                    at += 1
                }
            }
            func dash() {
                buffer[at] = UInt8(ascii: "-")
                at += 1
            }
            digits(high, from: 0, to: 8)
            dash()
            digits(high, from: 8, to: 12)
            dash()
            digits(high, from: 12, to: 16)
            dash()
            digits(low, from: 0, to: 4)
            dash()
            digits(low, from: 4, to: 16)
            return at
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func hex(_ value: UInt64, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
