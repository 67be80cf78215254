import Foundation

/// Finds, without decoding, where each element of the array under one key of a top-level JSON
/// object starts and ends. It tracks only strings (with escapes) and bracket depth, which is all
/// the structure needed; anything unexpected returns nil and the caller decodes the whole body.
enum JSONArraySplitter {
    /// JSON's four whitespace bytes.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    struct Split {
        /// The array itself, brackets included.
        var array: Range<Int>
        /// Each element, without surrounding whitespace or commas.
        var elements: [Range<Int>]
    }

    /// `known` is asked at each element's start for the length of an element the caller already
    /// recognises there (bytes it compared), so they need not be scanned; nil scans them.
    static func split(_ bytes: UnsafeRawBufferPointer, key: String, known: (Int) -> Int? = { _ in nil }) -> Split? {
        var scanner = Scanner(bytes: bytes)
        let quotedKey = Array("\"\(key)\"".utf8)
        scanner.skipWhitespace()
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        var found: Split?
        while true {
            scanner.skipWhitespace()
            if scanner.take(UInt8(ascii: "}")) { break }
            guard let keyRange = scanner.skipString() else { return nil }
            scanner.skipWhitespace()
            guard scanner.take(UInt8(ascii: ":")) else { return nil }
            scanner.skipWhitespace()
            if scanner.matches(quotedKey, at: keyRange) {
                guard found == nil, let split = scanner.splitArray(known: known) else { return nil }
                found = split
            } else {
                guard scanner.skipValue() else { return nil }
            }
            scanner.skipWhitespace()
            if scanner.take(UInt8(ascii: ",")) { continue }
            guard scanner.take(UInt8(ascii: "}")) else { return nil }
            break
        }
        scanner.skipWhitespace()
        return scanner.atEnd ? found : nil
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skipWhitespace() {
            while index < bytes.count, JSONArraySplitter.isWhitespace(bytes[index]) { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        func matches(_ expected: [UInt8], at range: Range<Int>) -> Bool {
            range.count == expected.count && zip(range, expected).allSatisfy { bytes[$0] == $1 }
        }

        /// Skips a string starting at `index`; returns its range including the quotes. Most of a
        /// DO body is string contents, so it jumps from quote to quote (`memchr`) and counts the
        /// backslashes before each: an odd number escapes it.
        mutating func skipString() -> Range<Int>? {
            let start = index
            guard take(UInt8(ascii: "\"")), let base = bytes.baseAddress else { return nil }
            while index < bytes.count {
                guard let quote = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index) else { return nil }
                let at = base.distance(to: UnsafeRawPointer(quote))
                var backslashes = 0
                while at - backslashes - 1 >= index, bytes[at - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
                index = at + 1
                if backslashes % 2 == 0 { return start..<index }
            }
            return nil
        }

        /// Skips one value of any kind.
        mutating func skipValue() -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""): return skipString() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        guard skipString() != nil else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return true
                        }
                    default: break
                    }
                    index += 1
                }
                return false
            default:
                let start = index
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || JSONArraySplitter.isWhitespace(byte) { break }
                    index += 1
                }
                return index > start
            }
        }

        mutating func splitArray(known: (Int) -> Int?) -> Split? {
            let start = index
            guard take(UInt8(ascii: "[")) else { return nil }
            var elements: [Range<Int>] = []
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return Split(array: start..<index, elements: []) }
            while true {
                skipWhitespace()
                let elementStart = index
                if let length = known(elementStart) {
                    index += length
                } else {
                    guard skipValue() else { return nil }
                }
                elements.append(elementStart..<index)
                skipWhitespace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "]")) else { return nil }
                return Split(array: start..<index, elements: elements)
            }
        }
    }
}
