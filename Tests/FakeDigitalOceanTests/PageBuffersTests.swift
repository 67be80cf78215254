import Foundation
import Testing
@testable import FakeDigitalOcean

@Suite struct PageBuffersTests {
    private func body(_ buffers: PageBuffers, count: Int, byte: UInt8) -> Data {
        buffers.data(count: count) { $0.initializeMemory(as: UInt8.self, repeating: byte) }
    }

    private func address(_ data: Data) -> Int {
        data.withUnsafeBytes { Int(bitPattern: $0.baseAddress) }
    }

    /// A large page's memory is handed out again once the page is let go (no fresh mapping to
    /// fault in), and what is written there is the new page, whole.
    @Test func aFreedLargeBodyIsUsedAgain() {
        let buffers = PageBuffers()
        var first: Data? = body(buffers, count: 340_000, byte: 1)
        let firstAddress = address(first!)
        let held = body(buffers, count: 340_000, byte: 2)
        #expect(address(held) != firstAddress, "a buffer in use is never handed out")
        first = nil
        let again = body(buffers, count: 330_000, byte: 3)
        #expect(address(again) == firstAddress)
        #expect(again.count == 330_000 && again.allSatisfy { $0 == 3 })
        #expect(held.allSatisfy { $0 == 2 })
    }

    /// A buffer is not used for a body that would waste more than half of it, and small bodies
    /// never come from the pool.
    @Test func onlyFittingLargeBodiesAreServedFromKeptBuffers() {
        let buffers = PageBuffers()
        var large: Data? = body(buffers, count: 600_000, byte: 1)
        let largeAddress = address(large!)
        large = nil
        #expect(address(body(buffers, count: 200_000, byte: 2)) != largeAddress)
        let small = body(buffers, count: 100, byte: 4)
        #expect(small == Data(repeating: 4, count: 100))
        #expect(address(body(buffers, count: 590_000, byte: 5)) == largeAddress)
    }
}
