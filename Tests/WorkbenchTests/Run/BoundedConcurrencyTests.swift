import Synchronization
import Testing
@testable import Workbench

@Suite struct BoundedConcurrencyTests {
    @Test func itemsStartInTheGivenOrderAndResultsComeBackInItemOrder() async {
        let started = Mutex<[Int]>([])
        let results = await boundedMap([10, 20, 30, 40], limit: 1, startOrder: [2, 0, 3, 1]) { item in
            started.withLock { $0.append(item) }
            return item + 1
        }
        #expect(started.withLock { $0 } == [30, 10, 40, 20])
        #expect(results == [11, 21, 31, 41])
    }

    @Test func withoutAnOrderItemsStartInTheirOwnOrder() async {
        let started = Mutex<[Int]>([])
        _ = await boundedMap([1, 2, 3], limit: 1) { item in started.withLock { $0.append(item) } }
        #expect(started.withLock { $0 } == [1, 2, 3])
    }
}
