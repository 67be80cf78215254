/// Finds a key that occurs twice in one JSON object, at any depth: a token's header or claims
/// (RFC 7519 §4 lets a recipient reject such a token) and a request body. Either must be refused:
/// parsers disagree on which occurrence wins (Foundation's keeps one silently), so a payload read
/// one way by its sender could act another way here. Keys are compared after unescaping, so
/// `"role"` and `"\u0072ole"` are the same key. Returns the repeated key's path, written as the
/// API names body fields (`code`, `spec.size_slug`, `plans[0].code`); nil for JSON without
/// duplicates, and for text that is not JSON (the JSON parser that follows reports that).
enum JSONDuplicateKeys {
    static func first(in bytes: [UInt8]) -> String? {
        var scanner = Scanner(bytes: bytes)
        return (try? scanner.value(at: "")) ?? nil
    }

    private struct NotJSON: Error {}

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        /// The first repeated key's path in the value that starts here; `path` is this value's own.
        mutating func value(at path: String) throws -> String? {
            skipSpace()
            guard index < bytes.count else { throw NotJSON() }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var keys = Set<String>()
                skipSpace()
                if peek(UInt8(ascii: "}")) { index += 1; return nil }
                while true {
                    skipSpace()
                    let key = try string()
                    let keyPath = path.isEmpty ? key : "\(path).\(key)"
                    if !keys.insert(key).inserted { return keyPath }
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    if let duplicate = try value(at: keyPath) { return duplicate }
                    skipSpace()
                    if peek(UInt8(ascii: ",")) { index += 1; continue }
                    try expect(UInt8(ascii: "}"))
                    return nil
                }
            case UInt8(ascii: "["):
                index += 1
                skipSpace()
                if peek(UInt8(ascii: "]")) { index += 1; return nil }
                var position = 0
                while true {
                    if let duplicate = try value(at: "\(path)[\(position)]") { return duplicate }
                    position += 1
                    skipSpace()
                    if peek(UInt8(ascii: ",")) { index += 1; continue }
                    try expect(UInt8(ascii: "]"))
                    return nil
                }
            case UInt8(ascii: "\""):
                _ = try string()
                return nil
            default:
                // A number, true, false or null: nothing inside can repeat a key.
                while index < bytes.count, !",]} \t\r\n".utf8.contains(bytes[index]) { index += 1 }
                return nil
            }
        }

        /// A string token, unescaped.
        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flushRaw() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { flushRaw(); return String(scalars) }
                guard byte == UInt8(ascii: "\\") else { raw.append(byte); continue }
                guard index < bytes.count else { throw NotJSON() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "u"):
                    flushRaw()
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code), peek(UInt8(ascii: "\\")), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                case UInt8(ascii: "b"): raw.append(8)
                case UInt8(ascii: "f"): raw.append(12)
                case UInt8(ascii: "n"): raw.append(10)
                case UInt8(ascii: "r"): raw.append(13)
                case UInt8(ascii: "t"): raw.append(9)
                default: raw.append(escape)
                }
            }
            throw NotJSON()
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw NotJSON()
            }
            index += 4
            return code
        }

        func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

        mutating func expect(_ byte: UInt8) throws {
            guard peek(byte) else { throw NotJSON() }
            index += 1
        }

        mutating func skipSpace() {
            while index < bytes.count, " \t\r\n".utf8.contains(bytes[index]) { index += 1 }
        }
    }
}
