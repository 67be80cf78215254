import Foundation
import Synchronization

/// Remembers each listing's pages as last served: their bytes, and the value made of each array
/// element. When a listing is fetched again, a page whose array bytes are unchanged is taken
/// whole (its envelope read again: a create or destroy changes `meta.total` on every page), and on
/// a changed page an element whose bytes are unchanged is not decoded again: decoding DO's bulky
/// droplet JSON costs ~90 µs a droplet, comparing a page's bytes a few µs. A re-sync of a fleet
/// where one droplet changed then splits one page and decodes one droplet. What is kept is exactly
/// what the last complete listing returned, so memory stays one listing's worth.
public final class ItemMemo: Sendable {
    private struct Table: @unchecked Sendable {
        // Holds only `[RememberedPage<T>]` for the Sendable output type T named in the key it is stored under.
        var pages: Any
    }

    private let tables = Mutex<[String: Table]>([:])

    public init() {}

    func previous<T: Sendable>(_ key: String) -> [RememberedPage<T>] {
        tables.withLock { $0[key]?.pages as? [RememberedPage<T>] } ?? []
    }

    func remember<T: Sendable>(_ key: String, pages: [RememberedPage<T>]) {
        tables.withLock { $0[key] = Table(pages: pages) }
    }
}

/// One page of a listing as the client made it: its items, and what its envelope said.
struct DecodedPage<Output> {
    var items: [Output]
    var total: Int?
    var hasNext: Bool

    init(items: [Output], total: Int?, hasNext: Bool) {
        self.items = items
        self.total = total
        self.hasNext = hasNext
    }

    /// A page decoded whole.
    init<Item>(_ envelope: ListEnvelope<Item>, transform: (Item) -> Output) {
        self.init(items: envelope.items.map(transform), total: envelope.meta?.total, hasNext: envelope.links?.pages?.next != nil)
    }
}

/// A page of the last complete listing: its body, what was made of it, and each element's value
/// by its bytes.
struct RememberedPage<Output: Sendable>: Sendable {
    var body: Data
    var page: DecodedPage<Output>
    var elements: [ElementBytes: Output]
    /// Where the array is in `body`, brackets included (nil when the splitter could not follow it).
    var array: Range<Int>?
}

extension DecodedPage: Sendable where Output: Sendable {}

/// One listing's walk with the memo: the pages remembered from the last listing, and this
/// listing's pages as they are made, which the memo keeps once the listing is complete.
struct MemoizedPages<Item: Decodable & Sendable, Output: Sendable> {
    let remembered: [RememberedPage<Output>]
    private(set) var current: [RememberedPage<Output>] = []

    init(remembered: [RememberedPage<Output>]) {
        self.remembered = remembered
    }

    /// Page `number` (from 1) of `body`: the remembered page when the bytes are the same,
    /// otherwise decoded element by element, reusing every element already made. The envelope
    /// (links, meta) is decoded from the body with the array emptied; a body the splitter cannot
    /// follow is decoded whole.
    mutating func page(_ number: Int, key: String, body: Data, request: APIRequest,
                       transform: (Item) -> Output) throws(DigitalOceanError) -> DecodedPage<Output> {
        if number <= remembered.count {
            var old = remembered[number - 1]
            if old.body == body {
                current.append(old)
                return old.page
            }
            // Everything up to the array's end unchanged: the same elements, whatever follows.
            if let array = old.array, body.count >= array.upperBound, body.prefix(array.upperBound) == old.body.prefix(array.upperBound),
               case let envelope = try Self.envelope(key: key, body: body, around: array, request: request), envelope.items.isEmpty {
                old.page.total = envelope.meta?.total
                old.page.hasNext = envelope.links?.pages?.next != nil
                old.body = body
                current.append(old)
                return old.page
            }
        }
        guard let split = body.withUnsafeBytes({ JSONArraySplitter.split($0, key: key) }) else {
            let page = DecodedPage(try Self.decode(key: key, body: body, request: request), transform: transform)
            current.append(RememberedPage(body: body, page: page, elements: [:], array: nil))
            return page
        }
        let envelope = try Self.envelope(key: key, body: body, around: split.array, request: request)
        let base = body.startIndex
        var elements: [ElementBytes: Output] = [:]
        elements.reserveCapacity(split.elements.count)
        var items: [Output] = []
        items.reserveCapacity(split.elements.count)
        for (index, range) in split.elements.enumerated() {
            let element = ElementBytes(data: body[(base + range.lowerBound)..<(base + range.upperBound)])
            let output: Output
            if let known = elements[element] ?? made(element, near: number) {
                output = known
            } else {
                let item: Item
                do {
                    item = try JSONDecoder().decode(Item.self, from: element.data)
                } catch {
                    throw .decoding(request: request.summary, detail: "\(key)[\(index)]: \(EnvelopeDecoder.explain(error))")
                }
                output = transform(item)
            }
            elements[element] = output
            items.append(output)
        }
        let page = DecodedPage(items: items, total: envelope.meta?.total, hasNext: envelope.links?.pages?.next != nil)
        current.append(RememberedPage(body: body, page: page, elements: elements, array: split.array))
        return page
    }

    /// The envelope (links, meta) of `body`, decoded with the array at `array` emptied.
    private static func envelope(key: String, body: Data, around array: Range<Int>,
                                 request: APIRequest) throws(DigitalOceanError) -> ListEnvelope<Item> {
        let base = body.startIndex
        var rest = Data(body[base..<(base + array.lowerBound)])
        rest.append(contentsOf: "[]".utf8)
        rest.append(body[(base + array.upperBound)...])
        return try decode(key: key, body: rest, request: request)
    }

    /// The value already made of `element` by the last listing's pages or this listing's earlier
    /// ones. The last listing's pages are probed nearest first (this page, then one before, one
    /// after, …): a create or destroy shifts an element by a page at most. Each page is probed once.
    private func made(_ element: ElementBytes, near number: Int) -> Output? {
        func probe(_ index: Int) -> Output? {
            remembered.indices.contains(index) ? remembered[index].elements[element] : nil
        }
        let here = number - 1
        for distance in 0...max(here, remembered.count) {
            if let output = probe(here - distance) { return output }
            if distance > 0, let output = probe(here + distance) { return output }
        }
        for page in current.reversed() {
            if let output = page.elements[element] { return output }
        }
        return nil
    }

    private static func decode(key: String, body: Data, request: APIRequest) throws(DigitalOceanError) -> ListEnvelope<Item> {
        do {
            return try EnvelopeDecoder.decode(ListEnvelope<Item>.self, key: key, from: body)
        } catch {
            throw .decoding(request: request.summary, detail: EnvelopeDecoder.explain(error))
        }
    }
}

/// One array element's JSON bytes as a dictionary key: a slice of its page's body, not a copy.
/// Equality compares every byte. The hash reads every byte too, eight at a time: DO objects with
/// sorted keys share long runs (a droplet's size object, its region's VPC at the very end), so a
/// hash of a prefix and a suffix sent whole fleets into one bucket, each lookup comparing against
/// all of them. Only speed depends on the hash; correctness rests on equality.
struct ElementBytes: Hashable, Sendable {
    var data: Data

    func hash(into hasher: inout Hasher) {
        hasher.combine(data.withUnsafeBytes(Self.fingerprint))
    }

    /// A multiply-rotate mix of the bytes as little-endian 64-bit words, the tail zero-padded.
    static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            state = mix(state, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
            state = mix(state, tail)
        }
        return state
    }

    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let product = (state ^ word).multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        return product.high ^ product.low
    }
}
