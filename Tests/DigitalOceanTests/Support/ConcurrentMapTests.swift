import DigitalOcean
import Testing

/// `ConcurrentMap` must give exactly what a plain `map` gives: every result at its element's index,
/// and, when elements fail, the error of the first failing one by index, whichever thread met it.
@Suite struct ConcurrentMapTests {
    struct Failed: Error, Equatable {
        var element: Int
    }

    @Test(arguments: [0, 1, 63, 128, 1_000, 10_007])
    func resultsAreAPlainMapsInOrder(_ count: Int) {
        let elements = Array(0..<count)
        #expect(ConcurrentMap.map(elements) { $0 * $0 + 1 } == elements.map { $0 * $0 + 1 })
    }

    @Test func theFirstFailureByIndexIsThrown() {
        // 9,000 fails in the last chunk, 4,321 in an earlier one: whichever finishes first, the
        // earlier element's error is the one a plain map would have thrown.
        #expect(throws: Failed(element: 4_321)) {
            try ConcurrentMap.map(Array(0..<10_000)) { (element: Int) throws(Failed) -> Int in
                if element == 9_000 || element == 4_321 { throw Failed(element: element) }
                return element
            }
        }
    }

    @Test func aChunkSizeOfOneSpreadsEvenTwoElements() throws {
        #expect(ConcurrentMap.map(["a", "b"], minimumChunk: 1) { $0.uppercased() } == ["A", "B"])
    }
}
