import ArcadiaCore
import DigitalOcean
import MoneyAndTime

/// A request's query string, checked before anything reads the ledger. Every endpoint names the
/// parameters it takes: an unknown one (a typo such as `limt`), a repeated one, or a value that
/// does not parse is a 400 naming the parameter, never a silently ignored filter.
struct QueryParameters {
    /// The page size when none is asked for.
    static let defaultLimit = 100
    /// The largest page: a larger `limit` is capped to it (the page's `limit` says so), not refused.
    static let maxLimit = 500

    private var values: [String: String] = [:]

    init(_ query: String?, allowed: Set<String>) throws(APIError) {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.percentDecoded(String(parts[0])), !name.isEmpty else {
                throw APIError(status: .badRequest, code: "invalid_parameter", message: "the query string is not percent-encoded correctly")
            }
            guard allowed.contains(name) else {
                let names = allowed.sorted().joined(separator: ", ")
                throw .invalidParameter(name, "not a parameter of this endpoint" + (names.isEmpty ? " (it takes none)" : " (it takes \(names))"))
            }
            guard values[name] == nil else { throw .invalidParameter(name, "given more than once") }
            guard let value = Self.percentDecoded(parts.count > 1 ? String(parts[1]) : "") else {
                throw .invalidParameter(name, "not percent-encoded correctly")
            }
            values[name] = value
        }
    }

    /// The value, or nil when absent; present but empty (`kind=`) counts as absent, as HTML forms send it.
    func text(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// `limit` and `offset`. `limit` is a whole number from 1, capped at `maxLimit`; `offset` a whole
    /// number from 0. Digits too many for an integer are a huge limit (capped), but an unusable offset.
    func page() throws(APIError) -> PageRequest {
        var limit = Self.defaultLimit
        if let text = text("limit") {
            guard Self.isDigits(text) else {
                throw .invalidParameter("limit", "must be a whole number from 1 (above \(Self.maxLimit) is capped to \(Self.maxLimit)), got \(Self.shown(text))")
            }
            let asked = Int(text) ?? Int.max
            guard asked >= 1 else { throw .invalidParameter("limit", "must be at least 1, got \(text)") }
            limit = min(asked, Self.maxLimit)
        }
        var offset = 0
        if let text = text("offset") {
            guard Self.isDigits(text), let value = Int(text) else {
                throw .invalidParameter("offset", "must be a whole number from 0, got \(Self.shown(text))")
            }
            offset = value
        }
        return PageRequest(limit: limit, offset: offset)
    }

    /// A whole number from 1 (`line=2`), or nil when absent.
    func positive(_ name: String) throws(APIError) -> Int? {
        guard let text = text(name) else { return nil }
        guard Self.isDigits(text), let value = Int(text), value >= 1 else {
            throw .invalidParameter(name, "must be a whole number from 1, got \(Self.shown(text))")
        }
        return value
    }

    /// `period=YYYY-MM-01` or `YYYY-MM`: a billing period is a calendar month.
    func period() throws(APIError) -> BillingPeriod? { try month("period") }

    /// A month-valued parameter (`period`, `from`, `to`): the month's first day, or the month as
    /// answers write it (`"period": "2026-04"`), so what one call returns another takes.
    func month(_ name: String) throws(APIError) -> BillingPeriod? {
        guard let text = text(name) else { return nil }
        let shape = (text.utf8.count == 10 || text.utf8.count == 7) && text.utf8.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard shape, let day = Timestamp(iso8601: text.utf8.count == 7 ? text + "-01" : text) else {
            throw .invalidParameter(name, "must be a month, YYYY-MM or its first day YYYY-MM-DD (e.g. 2026-04 or 2026-04-01), got \(Self.shown(text))")
        }
        guard day.civil.day == 1 else {
            throw .invalidParameter(name, "a period is a calendar month: give its first day, \(day.startOfMonth.isoDate), not \(text)")
        }
        return BillingPeriod(containing: day)
    }

    /// A value from a closed vocabulary, refused with the list of what is accepted.
    func oneOf(_ name: String, _ accepted: [String]) throws(APIError) -> String? {
        guard let text = text(name) else { return nil }
        guard accepted.contains(text) else {
            throw .invalidParameter(name, "must be one of \(accepted.joined(separator: ", ")), got \(Self.shown(text))")
        }
        return text
    }

    /// A code-like value (`status`, `deployment`): letters, digits, `.`, `_`, `-`, starting with a
    /// letter or digit, at most 64 characters.
    func token(_ name: String) throws(APIError) -> String? {
        guard let text = text(name) else { return nil }
        let bytes = Array(text.utf8)
        let valid = bytes.count <= 64 && bytes.first.map(Self.isAlphanumeric) == true
            && bytes.allSatisfy { Self.isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        guard valid else {
            throw .invalidParameter(name, "must be letters, digits, '.', '_' or '-' (at most 64), got \(Self.shown(text))")
        }
        return text
    }

    /// A client's value quoted back in an error, cut short so an error never echoes a whole payload.
    static func shown(_ text: String) -> String {
        text.count <= 64 ? "'\(text)'" : "'\(text.prefix(64))…'"
    }

    /// The text with its `%XX` escapes decoded, or nil when an escape is not `%` and two hex digits
    /// or the bytes are not UTF-8. Foundation on Linux passes `%ZZ` through as it is, so the
    /// escapes are checked here first.
    static func percentDecoded(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let isHex: (UInt8) -> Bool = { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
        }
        for index in bytes.indices where bytes[index] == UInt8(ascii: "%") {
            guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return nil }
        }
        return text.removingPercentEncoding
    }

    private static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// A path parameter as the client meant it: the router hands it over percent-encoded, and
/// `acme%2Dapi` is `acme-api` (RFC 3986 §2.1). Encoding that decodes to no text is a 400 naming it.
func pathParameter(_ context: ServiceRequestContext, _ name: String) throws(APIError) -> String {
    let raw = context.parameters.get(name) ?? ""
    guard let text = QueryParameters.percentDecoded(raw) else {
        throw .invalidParameter(name, "is not valid percent-encoding, got \(QueryParameters.shown(raw))")
    }
    return text
}

/// A positive integer id from the path (`/drift/{id}`), or a 400 naming it.
func pathID(_ context: ServiceRequestContext, _ name: String = "id") throws(APIError) -> Int64 {
    let text = try pathParameter(context, name)
    guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let id = Int64(text), id >= 1 else {
        throw .invalidParameter(name, "must be a positive whole number, got \(QueryParameters.shown(text))")
    }
    return id
}
