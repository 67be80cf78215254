@testable import FakeDigitalOcean
import Foundation
import Testing

/// The fake's ids are RFC 4122 version-4-shaped: version nibble 4, variant bits 10, lowercase hex,
/// dashes at 8-4-4-4-12, every other bit taken from the two words as given.
@Suite struct DeterministicFormatTests {
    @Test func uuidKeepsEveryBitButTheVersionAndVariant() {
        #expect(DeterministicFormat.uuid(0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210) == "01234567-89ab-4def-bedc-ba9876543210")
        #expect(DeterministicFormat.uuid(0, 0) == "00000000-0000-4000-8000-000000000000")
        #expect(DeterministicFormat.uuid(.max, .max) == "ffffffff-ffff-4fff-bfff-ffffffffffff")
    }

    @Test func uuidParsesAsAUUIDOfVersionFour() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<100 {
            let text = generator.uuid()
            let parsed = try #require(UUID(uuidString: text))
            #expect(parsed.uuidString.lowercased() == text)
            #expect(text.count == 36)
            #expect(Array(text.utf8)[14] == UInt8(ascii: "4"))
        }
    }
}
