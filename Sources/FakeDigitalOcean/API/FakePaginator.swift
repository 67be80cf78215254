import DigitalOcean
import Foundation

/// A validated `page`/`per_page` pair with DO's defaults (1 and 20) and cap (200).
struct PageRequest: Hashable, Sendable {
    var page: Int
    var perPage: Int

    static let maxPerPage = 200

    /// nil when either parameter is present but not a positive integer (DO answers 400).
    init?(query: [QueryItem]) {
        let page = query.first { $0.name == "page" }?.value
        let perPage = query.first { $0.name == "per_page" }?.value
        guard let page = Self.positive(page, default: 1), let perPage = Self.positive(perPage, default: 20) else { return nil }
        self.page = page
        self.perPage = min(perPage, Self.maxPerPage)
    }

    private static func positive(_ text: String?, default value: Int) -> Int? {
        guard let text else { return value }
        guard let number = Int(text), number > 0 else { return nil }
        return number
    }
}

/// Slices a collection into DO's list envelope. Bodies are assembled from already-encoded item
/// fragments so serving a page never re-encodes what did not change.
enum FakePaginator {
    static let apiRoot = "https://api.digitalocean.com"

    /// Indices of the items on `request.page`; empty past the end.
    static func range(total: Int, _ request: PageRequest) -> Range<Int> {
        let start = (request.page - 1).multipliedReportingOverflow(by: request.perPage)
        guard !start.overflow, start.partialValue < total else { return total..<total }
        return start.partialValue..<min(total, start.partialValue + request.perPage)
    }

    /// `first`+`prev` when past page 1, `next`+`last` before the last page; `{}` on a single page.
    /// `root` is DO's host in process and the request's own origin when served.
    static func links(total: Int, _ request: PageRequest, root: String, path: String, filters: [QueryItem]) -> Links {
        let lastPage = max(1, (total + request.perPage - 1) / request.perPage)
        func url(_ page: Int) -> String {
            let query = [QueryItem("page", String(page)), QueryItem("per_page", String(request.perPage))] + filters
            return root + path + "?" + query.map { "\(percentEncoded($0.name))=\(percentEncoded($0.value))" }.joined(separator: "&")
        }
        var pages = Pages()
        if request.page > 1 {
            pages.first = url(1)
            pages.prev = url(request.page - 1)
        }
        if request.page < lastPage {
            pages.next = url(request.page + 1)
            pages.last = url(lastPage)
        }
        return pages == Pages() ? Links() : Links(pages: pages)
    }

    /// `{"<key>":[<fragments>],<extras>,"links":<links>,"meta":{"total":N}}`, keys in DO's order.
    /// Sized before it is written, in memory from `buffers`: a 200-droplet page is ~340 KB.
    static func body(key: String, fragments: [Data], extras: [(String, Data)] = [], links: Data, total: Int,
                     buffers: PageBuffers) -> Data {
        var pieces: [Data] = [Data("{\"\(key)\":[".utf8)]
        pieces.reserveCapacity(2 * fragments.count + 2 * extras.count + 5)
        let comma = Data(",".utf8)
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { pieces.append(comma) }
            pieces.append(fragment)
        }
        pieces.append(Data("]".utf8))
        for (name, json) in extras {
            pieces.append(Data(",\"\(name)\":".utf8))
            pieces.append(json)
        }
        pieces.append(Data(",\"links\":".utf8))
        pieces.append(links)
        pieces.append(Data(",\"meta\":{\"total\":\(total)}}".utf8))
        return buffers.data(count: pieces.reduce(0) { $0 + $1.count }) { body in
            var at = 0
            for piece in pieces {
                piece.withUnsafeBytes { bytes in
                    if let source = bytes.baseAddress { body.baseAddress!.advanced(by: at).copyMemory(from: source, byteCount: bytes.count) }
                }
                at += piece.count
            }
        }
    }

    /// RFC 3986 query encoding of everything but unreserved characters and `:` (common in tags).
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + DeterministicFormat.hex(UInt64(byte), width: 2).uppercased()
            }
        }
        return out
    }
}
