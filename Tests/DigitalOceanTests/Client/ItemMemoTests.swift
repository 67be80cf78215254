import Foundation
import Synchronization
import Testing
import DigitalOcean

/// Serves whatever body is current for each page, so a test can change the "world" between listings.
private final class PagesTransport: Transport {
    let pages = Mutex<[Int: String]>([:])
    func send(_ request: APIRequest) async throws -> APIResponse {
        let page = Int(request.queryValue("page") ?? "1") ?? 1
        let body = pages.withLock { $0[page] } ?? #"{"domains":[],"meta":{"total":0}}"#
        return APIResponse(status: 200, body: Data(body.utf8))
    }
}

private func page(_ items: [(String, Int)], next: Bool, total: Int) -> String {
    let json = items.map { #"{"name":"\#($0.0)","ttl":\#($0.1),"zone_file":null}"# }.joined(separator: ",")
    let links = next ? #"{"pages":{"next":"https://api.digitalocean.com/v2/domains?page=2&per_page=2"}}"# : "{}"
    return #"{"domains":[\#(json)],"links":\#(links),"meta":{"total":\#(total)}}"#
}

@Suite struct ItemMemoTests {
    /// A memoized client must return exactly what a plain one does, listing after listing, while
    /// items change, appear, vanish and shift between pages.
    @Test func aMemoizedListingAlwaysEqualsAPlainDecode() async throws {
        let transport = PagesTransport()
        let memoized = DigitalOceanClient(transport: transport, token: "t", perPage: 2, itemMemo: ItemMemo())
        let plain = DigitalOceanClient(transport: transport, token: "t", perPage: 2)
        let worlds: [[Int: String]] = [
            [1: page([("a", 1), ("b", 1)], next: true, total: 3), 2: page([("c", 1)], next: false, total: 3)],
            [1: page([("a", 1), ("b", 2)], next: true, total: 3), 2: page([("c", 1)], next: false, total: 3)],
            [1: page([("b", 2), ("c", 1)], next: true, total: 3), 2: page([("d", 9)], next: false, total: 3)],
            [1: page([("b", 2), ("c", 1)], next: false, total: 2)],
            [1: page([("a", 1), ("b", 1)], next: true, total: 3), 2: page([("c", 1)], next: false, total: 3)],
        ]
        for world in worlds {
            transport.pages.withLock { $0 = world }
            let expected = try await plain.domains().items
            #expect(try await memoized.domains().items == expected)
        }
    }

    @Test func aBadElementIsADecodingErrorNamingItsIndex() async throws {
        let transport = PagesTransport()
        transport.pages.withLock { $0 = [1: #"{"domains":[{"name":"a","ttl":1,"zone_file":null},{"name":7}],"meta":{"total":2}}"#] }
        let client = DigitalOceanClient(transport: transport, token: "t", itemMemo: ItemMemo())
        do {
            _ = try await client.domains()
            Issue.record("expected a decoding failure")
        } catch let DigitalOceanError.listingFailed(_, page, cause) {
            #expect(page == 1)
            #expect(String(describing: cause).contains("domains[1]"))
        }
    }
}
