import Foundation
import Synchronization
import Testing
@testable import DigitalOcean

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
            // An element changed in place along with the envelope: the new total is read, not the remembered one.
            [1: page([("a", 1), ("b", 7)], next: true, total: 4), 2: page([("c", 1), ("d", 1)], next: false, total: 4)],
            [1: page([("a", 1), ("b", 8)], next: true, total: 4), 2: page([("c", 1), ("d", 1)], next: false, total: 4)],
        ]
        for world in worlds {
            transport.pages.withLock { $0 = world }
            let expected = try await plain.domains().items
            #expect(try await memoized.domains().items == expected)
        }
    }

    /// The memo's point: what did not change is not made again. An unchanged page is taken whole;
    /// on a changed page only the changed element is decoded and transformed.
    @Test func onlyChangedElementsAreTransformedAgain() async throws {
        let transport = PagesTransport()
        let client = DigitalOceanClient(transport: transport, token: "t", perPage: 2, itemMemo: ItemMemo())
        let made = Mutex(0)
        func list() async throws -> [String] {
            try await client.list(.domains, decoding: Domain.self) { domain in
                made.withLock { $0 += 1 }
                return "\(domain.name)/\(domain.ttl ?? 0)"
            }.items
        }
        let pages = [1: page([("a", 1), ("b", 1)], next: true, total: 3), 2: page([("c", 1)], next: false, total: 3)]
        transport.pages.withLock { $0 = pages }
        #expect(try await list() == ["a/1", "b/1", "c/1"])
        #expect(made.withLock { $0 } == 3)
        #expect(try await list() == ["a/1", "b/1", "c/1"])
        #expect(made.withLock { $0 } == 3, "unchanged pages are taken whole")
        transport.pages.withLock { $0[2] = page([("c", 5)], next: false, total: 3) }
        #expect(try await list() == ["a/1", "b/1", "c/5"])
        #expect(made.withLock { $0 } == 4, "one changed element")
        transport.pages.withLock { $0 = [1: page([("a", 1), ("b", 1)], next: true, total: 4), 2: page([("c", 5), ("d", 1)], next: false, total: 4)] }
        #expect(try await list() == ["a/1", "b/1", "c/5", "d/1"], "page 1's total changed, not its array")
        #expect(made.withLock { $0 } == 5, "one element appended")
        transport.pages.withLock { $0 = [1: page([("b", 1), ("c", 5)], next: true, total: 3), 2: page([("d", 1)], next: false, total: 3)] }
        #expect(try await list() == ["b/1", "c/5", "d/1"])
        #expect(made.withLock { $0 } == 5, "elements that moved to another page are found where they were")
    }

    /// `repeatsLast` lets a caller skip work on a listing it has seen: true only when every page
    /// was the last listing's, taken whole, and never without a memo.
    @Test func aListingRepeatsTheLastOnlyWhenEveryPageIsTakenWhole() async throws {
        let transport = PagesTransport()
        let memoized = DigitalOceanClient(transport: transport, token: "t", perPage: 2, itemMemo: ItemMemo())
        let plain = DigitalOceanClient(transport: transport, token: "t", perPage: 2)
        let pages = [1: page([("a", 1), ("b", 1)], next: true, total: 3), 2: page([("c", 1)], next: false, total: 3)]
        transport.pages.withLock { $0 = pages }
        #expect(try await memoized.domains().repeatsLast == false, "the first listing")
        #expect(try await memoized.domains().repeatsLast == true)
        #expect(try await plain.domains().repeatsLast == false)
        transport.pages.withLock { $0[2] = page([("c", 2)], next: false, total: 3) }
        #expect(try await memoized.domains().repeatsLast == false, "page 2 changed")
        #expect(try await memoized.domains().repeatsLast == true)
        transport.pages.withLock { $0 = [1: page([("a", 1), ("b", 1)], next: true, total: 4), 2: page([("c", 2), ("d", 1)], next: false, total: 4)] }
        #expect(try await memoized.domains().repeatsLast == false, "an element appended: page 1's envelope and page 2 changed")
    }

    /// An envelope met again (the same bytes under the same key) is not decoded again; other
    /// bytes, or the same under another key, are.
    @Test func anEnvelopeMetAgainIsNotDecodedAgain() throws {
        let memo = ItemMemo()
        var decodes = 0
        func facts(_ key: String, _ text: String, total: Int) throws -> EnvelopeFacts {
            try memo.envelope(key: key, rest: Data(text.utf8)) { () throws(DigitalOceanError) in
                decodes += 1
                return EnvelopeFacts(total: total, hasNext: false)
            }
        }
        let page = #"{"droplets":[],"links":{"pages":{"last":"https://api.digitalocean.com/v2/droplets?page=5"}},"meta":{"total":1000}}"#
        #expect(try facts("droplets", page, total: 1000).total == 1000 && decodes == 1)
        #expect(try facts("droplets", page, total: 0).total == 1000 && decodes == 1, "the same bytes again")
        let moved = page.replacingOccurrences(of: "1000", with: "1001")
        #expect(try facts("droplets", moved, total: 1001).total == 1001 && decodes == 2, "bytes that differ after a long shared prefix")
        #expect(try facts("volumes", page, total: 7).total == 7 && decodes == 3, "another key")
    }

    /// Destroys early in a long listing shift every later element across page boundaries, and
    /// none is made again; a listing shuffled whole costs a bounded number of decodes before the
    /// last listing is indexed, not one decode an element.
    @Test func shiftedAndShuffledListingsMakeAlmostNothingAgain() async throws {
        let transport = PagesTransport()
        let client = DigitalOceanClient(transport: transport, token: "t", perPage: 4, itemMemo: ItemMemo())
        let made = Mutex(0)
        func list(_ domains: [(String, Int)]) async throws -> [String] {
            let chunks = stride(from: 0, to: domains.count, by: 4).map { Array(domains[$0..<min($0 + 4, domains.count)]) }
            transport.pages.withLock { pages in
                pages = [:]
                for (index, chunk) in chunks.enumerated() {
                    pages[index + 1] = page(chunk, next: index + 1 < chunks.count, total: domains.count)
                }
            }
            let listed = try await client.list(.domains, decoding: Domain.self) { domain in
                made.withLock { $0 += 1 }
                return "\(domain.name)/\(domain.ttl ?? 0)"
            }.items
            #expect(listed == domains.map { "\($0.0)/\($0.1)" })
            return listed
        }
        var domains = (0..<20).map { ("d\($0)", 1) }
        _ = try await list(domains)
        #expect(made.withLock { $0 } == 20)
        domains.removeSubrange(2...4)
        _ = try await list(domains)
        #expect(made.withLock { $0 } == 20, "three destroyed in a row shift the rest; nothing is decoded")
        domains[10].1 = 7
        domains.append(("d20", 1))
        _ = try await list(domains)
        #expect(made.withLock { $0 } == 22, "one changed in place and one appended")
        _ = try await list(Array(domains.reversed()))
        #expect(made.withLock { $0 } <= 22 + 8, "reversed: the last listing is indexed after a few misses")
        _ = try await list(domains)
        #expect(made.withLock { $0 } <= 22 + 16)
    }

    /// The shortcut for one shared buffer must never call different bytes equal: a slice at the
    /// same start but shorter, or a separate buffer with other bytes, still differs.
    @Test func sameBytesIsEqualityWithAShortcut() {
        let page = Data((0..<1_000).map { UInt8($0 % 251) })
        let copy = Data(Array(page))
        var changed = copy
        changed[999] = 0
        #expect(page.isSameBytes(as: page))
        #expect(page.isSameBytes(as: copy))
        #expect(!page.isSameBytes(as: changed))
        #expect(!page.isSameBytes(as: page.prefix(999)))
        #expect(page.prefix(10).isSameBytes(as: copy.prefix(10)))
        #expect(Data().isSameBytes(as: Data()))
    }

    /// DO objects differ in the middle (ids, names, addresses) and share long heads and tails (a
    /// droplet ends with its size object and its region's VPC): the fingerprint must tell them
    /// apart, or every lookup compares against the whole fleet.
    @Test func elementsThatDifferOnlyInTheMiddleGetDistinctFingerprints() {
        let head = String(repeating: "h", count: 300)
        let tail = String(repeating: "t", count: 900)
        let fingerprints = Set((0..<1_000).map { id in
            Data(#"{"head":"\#(head)","id":\#(id),"tail":"\#(tail)"}"#.utf8).withUnsafeBytes(ElementBytes.fingerprint)
        })
        #expect(fingerprints.count == 1_000)
        let short = Set(["", "a", "ab", "abcdefgh", "abcdefghi"].map { Data($0.utf8).withUnsafeBytes(ElementBytes.fingerprint) })
        #expect(short.count == 5, "lengths and tails shorter than a word count")
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

    /// A page of many new elements is decoded on every core (`ConcurrentMap`): the values come in
    /// the page's order, and of two bad elements the first by index is the one named.
    @Test func aPageOfManyNewElementsIsDecodedInOrderNamingTheFirstBadOne() async throws {
        let transport = PagesTransport()
        let items = (0..<200).map { ("d\($0)", $0) }
        transport.pages.withLock { $0 = [1: page(items, next: false, total: 200)] }
        let memoized = DigitalOceanClient(transport: transport, token: "t", perPage: 200, itemMemo: ItemMemo())
        let plain = DigitalOceanClient(transport: transport, token: "t", perPage: 200)
        #expect(try await memoized.domains().items == plain.domains().items)

        var elements = items.map { #"{"name":"\#($0.0)","ttl":\#($0.1),"zone_file":null}"# }
        elements[150] = #"{"name":7}"#
        elements[40] = #"{"name":8}"#
        transport.pages.withLock { $0 = [1: #"{"domains":[\#(elements.joined(separator: ","))],"meta":{"total":200}}"#] }
        do {
            _ = try await DigitalOceanClient(transport: transport, token: "t", perPage: 200, itemMemo: ItemMemo()).domains()
            Issue.record("expected a decoding failure")
        } catch let DigitalOceanError.listingFailed(_, _, cause) {
            #expect(String(describing: cause).contains("domains[40]"))
        }
    }
}
