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
    /// What each list envelope met (its bytes with the array emptied, under its key) says. A
    /// create or destroy moves `meta.total` on every page and a fleet's size wanders over a few
    /// values, so the same envelopes come back again and again, and each decode is a JSONDecoder's.
    private let envelopes = Mutex<[EnvelopeBytes: EnvelopeFacts]>([:])

    /// Envelopes kept before the memory of them starts over.
    static let envelopesKept = 1_024

    public init() {}

    /// What the envelope `rest` (a page with its array emptied) says, decoded by `decode` only the
    /// first time those bytes are met.
    func envelope(key: String, rest: Data, decode: () throws(DigitalOceanError) -> EnvelopeFacts) throws(DigitalOceanError) -> EnvelopeFacts {
        let bytes = EnvelopeBytes(key: key, rest: rest)
        if let known = envelopes.withLock({ $0[bytes] }) { return known }
        let facts = try decode()
        envelopes.withLock { kept in
            if kept.count >= Self.envelopesKept { kept.removeAll(keepingCapacity: true) }
            kept[bytes] = facts
        }
        return facts
    }

    func previous<T: Sendable>(_ key: String) -> [RememberedPage<T>] {
        tables.withLock { $0[key]?.pages as? [RememberedPage<T>] } ?? []
    }

    func remember<T: Sendable>(_ key: String, pages: [RememberedPage<T>]) {
        tables.withLock { $0[key] = Table(pages: pages) }
    }
}

/// What a list envelope says beside its items.
struct EnvelopeFacts: Sendable {
    var total: Int?
    var hasNext: Bool
}

/// An envelope's bytes with its array emptied, and the key its array is under.
private struct EnvelopeBytes: Hashable {
    var key: String
    var rest: Data

    /// Every byte: `Data`'s own hash reads a prefix, which every page of a listing shares.
    func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        rest.withUnsafeBytes { hasher.combine(bytes: $0) }
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

/// A page of the last complete listing: its body, what was made of it, and where each element's
/// bytes are in the body (offsets from its start, parallel to `page.items`).
struct RememberedPage<Output: Sendable>: Sendable {
    var body: Data
    var page: DecodedPage<Output>
    /// Empty when the splitter could not follow the body.
    var elements: [Range<Int>]
    /// Where the array is in `body`, brackets included (nil when the splitter could not follow it).
    var array: Range<Int>?
}

extension DecodedPage: Sendable where Output: Sendable {}

/// One listing's walk with the memo: the pages remembered from the last listing, and this
/// listing's pages as they are made, which the memo keeps once the listing is complete.
///
/// On a changed page each element is first compared with the next elements of the last listing
/// in order (a cursor, a few elements of lookahead): a create, destroy or in-place change leaves
/// the rest of a listing in the same order, shifted, so finding the unchanged costs one `memcmp`
/// an element and the splitter never scans their bytes. Only after several elements were not
/// where the cursor expected (a reordered listing) are the last listing's elements indexed by
/// fingerprint, once, so that even a shuffled listing decodes nothing it had before.
struct MemoizedPages<Item: Decodable & Sendable, Output: Sendable> {
    let remembered: [RememberedPage<Output>]
    let memo: ItemMemo
    private(set) var current: [RememberedPage<Output>] = []
    /// Whether every page so far was a remembered page taken whole.
    private(set) var tookEveryPageWhole = true
    private var cursor: ElementCursor
    private var index: [ElementBytes: Output]?

    /// Elements met out of the cursor's order before the remembered ones are indexed.
    static var unexpectedBeforeIndexing: Int { 8 }

    init(remembered: [RememberedPage<Output>], memo: ItemMemo) {
        self.remembered = remembered
        self.memo = memo
        cursor = ElementCursor(pages: remembered.map { ($0.body, $0.elements) })
    }

    /// Page `number` (from 1) of `body`: the remembered page when the bytes are the same,
    /// otherwise decoded element by element, reusing every element already made. The envelope
    /// (links, meta) is decoded from the body with the array emptied; a body the splitter cannot
    /// follow is decoded whole.
    mutating func page(_ number: Int, key: String, body: Data, request: APIRequest,
                       transform: (Item) -> Output) throws(DigitalOceanError) -> DecodedPage<Output> {
        if number <= remembered.count {
            var old = remembered[number - 1]
            if old.body.sharesBuffer(with: body) || (old.array == nil && old.body == body) {
                return take(old, number: number)
            }
            // Everything up to the array's end unchanged: the same elements, whatever follows. The
            // array is compared once: a page whose `meta.total` moved (every page after a create
            // or destroy) differs only after it.
            if let array = old.array, body.count >= array.upperBound, body.prefix(array.upperBound) == old.body.prefix(array.upperBound) {
                if body.dropFirst(array.upperBound) == old.body.dropFirst(array.upperBound) { return take(old, number: number) }
                let envelope = try envelope(key: key, body: body, around: array, request: request)
                old.page.total = envelope.total
                old.page.hasNext = envelope.hasNext
                old.body = body
                return take(old, number: number)
            }
        }
        tookEveryPageWhole = false
        // Where each element was in the last listing, if it was found there; positions rather
        // than values, so this generic code handles no generic tuples or optionals an element.
        var known: [ElementCursor.Position?] = []
        let split = body.withUnsafeBytes { bytes in
            JSONArraySplitter.split(bytes, key: key) { offset in
                let found = cursor.expected(in: bytes, at: offset)
                known.append(found?.position)
                return found?.length
            }
        }
        guard let split else {
            let page = DecodedPage(try Self.decode(key: key, body: body, request: request), transform: transform)
            current.append(RememberedPage(body: body, page: page, elements: [], array: nil))
            return page
        }
        let (total, hasNext) = try envelope(of: number, key: key, body: body, around: split.array, request: request)
        let base = body.startIndex
        // Where each element's value comes from, as positions rather than values, so an element
        // of the last listing is copied once, into `items`.
        var sources: [ElementSource] = []
        sources.reserveCapacity(split.elements.count)
        var found: [Output] = []
        var unknown: [(position: Int, element: Data)] = []
        for (position, range) in split.elements.enumerated() {
            if let remembered = known[position] {
                sources.append(.remembered(remembered))
                continue
            }
            let element = body[(base + range.lowerBound)..<(base + range.upperBound)]
            if let output = indexed(element) {
                sources.append(.indexed(found.count))
                found.append(output)
            } else {
                sources.append(.decoded(unknown.count))
                unknown.append((position, element))
            }
        }
        // A first listing decodes every element: on every core, each on its own.
        let results = ConcurrentMap.map(unknown) { _, element in Result { try JSONDecoder().decode(Item.self, from: element) } }
        var decoded: [Output] = []
        decoded.reserveCapacity(results.count)
        for ((position, _), result) in zip(unknown, results) {
            do {
                decoded.append(transform(try result.get()))
            } catch {
                throw .decoding(request: request.summary, detail: "\(key)[\(position)]: \(EnvelopeDecoder.explain(error))")
            }
        }
        var items: [Output] = []
        items.reserveCapacity(sources.count)
        for source in sources {
            switch source {
            case .remembered(let at): items.append(remembered[at.page].page.items[at.element])
            case .indexed(let index): items.append(found[index])
            case .decoded(let index): items.append(decoded[index])
            }
        }
        let page = DecodedPage(items: items, total: total, hasNext: hasNext)
        current.append(RememberedPage(body: body, page: page, elements: split.elements, array: split.array))
        return page
    }

    /// Whether the listing walked so far is the last one again, page for page.
    var repeatsLast: Bool {
        tookEveryPageWhole && current.count == remembered.count
    }

    /// A remembered page taken whole: the cursor moves past it.
    private mutating func take(_ page: RememberedPage<Output>, number: Int) -> DecodedPage<Output> {
        current.append(page)
        cursor.skip(toPage: number)
        return page.page
    }

    /// The value made of `element` by the last listing, once elements have been met out of
    /// order often enough to index them all.
    private mutating func indexed(_ element: Data) -> Output? {
        guard cursor.unexpected > Self.unexpectedBeforeIndexing else { return nil }
        if index == nil {
            var all: [ElementBytes: Output] = [:]
            for page in remembered {
                let base = page.body.startIndex
                for (range, output) in zip(page.elements, page.page.items) {
                    all[ElementBytes(data: page.body[(base + range.lowerBound)..<(base + range.upperBound)])] = output
                }
            }
            index = all
        }
        return index?[ElementBytes(data: element)]
    }

    /// What the envelope of page `number` says: the remembered page's when every byte around the
    /// array is the same (an element changed in place), else decoded.
    private func envelope(of number: Int, key: String, body: Data, around array: Range<Int>,
                          request: APIRequest) throws(DigitalOceanError) -> (total: Int?, hasNext: Bool) {
        if number <= remembered.count, let oldArray = remembered[number - 1].array {
            let old = remembered[number - 1].body
            let (base, oldBase) = (body.startIndex, old.startIndex)
            if body[base..<(base + array.lowerBound)] == old[oldBase..<(oldBase + oldArray.lowerBound)],
               body[(base + array.upperBound)...] == old[(oldBase + oldArray.upperBound)...] {
                return (remembered[number - 1].page.total, remembered[number - 1].page.hasNext)
            }
        }
        let envelope = try envelope(key: key, body: body, around: array, request: request)
        return (envelope.total, envelope.hasNext)
    }

    /// What the envelope (links, meta) of `body` says: decoded with the array at `array` emptied,
    /// the first time the memo meets those bytes.
    private func envelope(key: String, body: Data, around array: Range<Int>,
                          request: APIRequest) throws(DigitalOceanError) -> EnvelopeFacts {
        let base = body.startIndex
        var rest = Data(body[base..<(base + array.lowerBound)])
        rest.append(contentsOf: "[]".utf8)
        rest.append(body[(base + array.upperBound)...])
        return try memo.envelope(key: key, rest: rest) { () throws(DigitalOceanError) in
            let envelope = try Self.decode(key: key, body: rest, request: request)
            return EnvelopeFacts(total: envelope.meta?.total, hasNext: envelope.links?.pages?.next != nil)
        }
    }

    private static func decode(key: String, body: Data, request: APIRequest) throws(DigitalOceanError) -> ListEnvelope<Item> {
        do {
            return try EnvelopeDecoder.decode(ListEnvelope<Item>.self, key: key, from: body)
        } catch {
            throw .decoding(request: request.summary, detail: EnvelopeDecoder.explain(error))
        }
    }
}

/// Where an element of a changed page comes from: the last listing, the index of it (an index
/// into the values found there), or a decoding now (an index into the elements decoded).
private enum ElementSource {
    case remembered(ElementCursor.Position)
    case indexed(Int)
    case decoded(Int)
}

/// Where a changed page's elements most likely are in the last listing: after the last one
/// found, in order. Not generic, so the byte comparisons run specialised whatever the listing
/// makes of its elements.
struct ElementCursor {
    /// A remembered element: its page's index and its index on the page.
    struct Position {
        var page: Int
        var element: Int
    }

    /// Each remembered page's body and its elements' offsets in it.
    private let pages: [(body: Data, elements: [Range<Int>])]
    private var next = Position(page: 0, element: 0)
    /// Elements that were not where the cursor expected them.
    private(set) var unexpected = 0

    /// How far past the cursor an element is looked for: a few destroyed in a row.
    static let lookahead = 4

    init(pages: [(body: Data, elements: [Range<Int>])]) {
        self.pages = pages
    }

    /// A remembered page taken whole: the next element is expected on the page after it.
    mutating func skip(toPage index: Int) {
        next = Position(page: index, element: 0)
    }

    /// The remembered element at or a little past the cursor whose bytes are those at `offset`
    /// (followed by the end of an element), and its length; the cursor moves past it.
    mutating func expected(in bytes: UnsafeRawBufferPointer, at offset: Int) -> (length: Int, position: Position)? {
        var (page, element) = (next.page, next.element)
        for _ in 0..<Self.lookahead {
            while page < pages.count, element >= pages[page].elements.count {
                (page, element) = (page + 1, 0)
            }
            guard page < pages.count else { break }
            let range = pages[page].elements[element]
            if Self.bytes(bytes, at: offset, equal: pages[page].body, range), Self.endsElement(bytes, at: offset + range.count) {
                next = Position(page: page, element: element + 1)
                return (range.count, Position(page: page, element: element))
            }
            element += 1
        }
        unexpected += 1
        return nil
    }

    private static func bytes(_ bytes: UnsafeRawBufferPointer, at offset: Int, equal body: Data, _ range: Range<Int>) -> Bool {
        guard offset + range.count <= bytes.count, let base = bytes.baseAddress else { return false }
        return body.withUnsafeBytes { old in memcmp(base + offset, old.baseAddress! + range.lowerBound, range.count) == 0 }
    }

    /// Whether a JSON value can end just before `offset`: a comma, the array's end or whitespace follows.
    private static func endsElement(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        return byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || JSONArraySplitter.isWhitespace(byte)
    }
}

/// One array element's JSON bytes as a dictionary key: a slice of its page's body, not a copy.
/// Equality compares every byte. The hash reads every byte too, eight at a time: DO objects with
/// sorted keys share long runs (a droplet's size object, its region's VPC at the very end), so a
/// hash of a prefix and a suffix sent whole fleets into one bucket, each lookup comparing against
/// all of them. Only speed depends on the hash; correctness rests on equality.
struct ElementBytes: Hashable, Sendable {
    var data: Data
    private let fingerprint: UInt64

    init(data: Data) {
        self.data = data
        fingerprint = data.withUnsafeBytes(Self.fingerprint)
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.data == rhs.data
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
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
