import CSV
import DigitalOcean

/// A CSV text's records, read by CSV.swift on every core. CSV.swift reads a character at a time
/// through a type-erased iterator, ~4 µs a line of DO's invoice CSV, and a year of a 1,000-droplet
/// fleet reads 11,000 of them. A text with no quote character cannot hold a line break inside a
/// field, so it can be cut after any line feed, and each piece read alone gives the very records
/// the whole gives, in order (a test holds it so). DO quotes nothing in its invoice CSVs; a text
/// that quotes is read whole, as is a short one.
enum CSVPieces {
    /// Bytes below which the text is read whole.
    static let smallestCut = 64 * 1024

    /// Every record of `text`, at most `limit` from each piece (so at most `limit` in all when
    /// read whole): a caller that refuses more than `limit - 1` holds no more than it must.
    static func records(of text: String, pieces: Int = ConcurrentMap.cores, limit: Int) throws -> [[String]] {
        let cuts = text.utf8.count >= smallestCut ? Self.pieces(of: text, count: pieces) : [Substring(text)]
        return try ConcurrentMap.map(cuts, minimumChunk: 1) { piece in try read(String(piece), limit: limit) }.flatMap { $0 }
    }

    /// `text` cut after line feeds into about `count` pieces of similar length; whole when it holds
    /// a quote.
    static func pieces(of text: String, count: Int) -> [Substring] {
        let utf8 = text.utf8
        guard count > 1, !utf8.contains(UInt8(ascii: "\"")) else { return [Substring(text)] }
        var pieces: [Substring] = []
        var start = utf8.startIndex
        for piece in 1..<count {
            let target = utf8.index(utf8.startIndex, offsetBy: utf8.count * piece / count)
            guard target > start, let lineFeed = utf8[target...].firstIndex(of: UInt8(ascii: "\n")) else { continue }
            let end = utf8.index(after: lineFeed)
            pieces.append(text[start..<end])
            start = end
        }
        if start < utf8.endIndex || pieces.isEmpty { pieces.append(text[start...]) }
        return pieces
    }

    private static func read(_ text: String, limit: Int) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var records: [[String]] = []
        while records.count < limit, let record = reader.next() { records.append(record) }
        return records
    }
}
