import ArcadiaCore
import Foundation
import Hummingbird
import MoneyAndTime

/// A request's body as a JSON object, read field by field before anything touches the ledger: a
/// body that is not a JSON object, a key given twice in one object (which of the two would count is
/// a guess), an unknown field (a typo is never silently ignored), a missing required one or a value
/// of the wrong type is a 400 naming the field.
struct JSONBody {
    /// Admin payloads are small; a larger body is refused rather than read.
    static let maxBytes = 1 << 20

    private let fields: [String: JSONValue]

    init(_ request: Request, allowed: Set<String>) async throws {
        let text = try await Self.text(request, accepting: ["application/json"])
        let parsed: JSONValue
        do {
            parsed = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            // Foundation says no more than that ('The given data was not valid JSON.').
            throw APIError.invalidBody(nil, "the body is not valid JSON (text after the object, a missing quote, comma or bracket, "
                                       + "or a number or escape JSON cannot carry); it must be one JSON object")
        }
        guard case .object(let fields) = parsed else {
            throw APIError.invalidBody(nil, "the body must be a JSON object, not \(Self.kind(of: parsed))")
        }
        if let repeated = JSONDuplicateKeys.first(in: Array(text.utf8)) {
            throw APIError.invalidBody(repeated, "given twice; a key may appear only once in a JSON object")
        }
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIError.invalidBody(unknown, "not a field of this request (it takes \(allowed.sorted().joined(separator: ", ")))")
        }
        self.fields = fields
    }

    /// Refuses any body on a request that takes none (an action such as `invoices/issue`): a body
    /// sent there is a client's mistake (a field it thought meant something), never ignored.
    static func none(_ request: Request) async throws {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch {
            throw APIError.invalidBody(nil, "this request takes no body")
        }
        guard buffer.readableBytes == 0 else { throw APIError.invalidBody(nil, "this request takes no body") }
    }

    /// The body as text, when its `Content-Type` is one of `accepting` (parameters such as
    /// `charset=utf-8` aside) and it is UTF-8.
    static func text(_ request: Request, accepting: [String]) async throws -> String {
        let parts = (request.headers[.contentType] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let type = parts.first
        guard let type, accepting.contains(type) else {
            throw APIError.invalidBody(nil, "Content-Type must be \(accepting.joined(separator: " or ")), got \(type.map { "'\($0)'" } ?? "none")")
        }
        // The body is read as UTF-8, so a body declared in another charset would be misread.
        let charset = parts.dropFirst().first { $0.hasPrefix("charset=") }
            .map { $0.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        if let charset, charset != "utf-8", charset != "utf8" {
            throw APIError.invalidBody(nil, "the body must be UTF-8; Content-Type declares charset \(charset)")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch {
            throw APIError.contentTooLarge(limit: maxBytes)
        }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw APIError.invalidBody(nil, "the body is not UTF-8 text")
        }
        return text
    }

    func string(_ name: String) throws -> String {
        guard let value = try optionalString(name) else { throw APIError.invalidBody(name, "required") }
        return value
    }

    /// Absent or null is nil; an empty string is refused (it is never a meaningful value here).
    func optionalString(_ name: String) throws -> String? {
        switch fields[name] {
        case nil, .null?: return nil
        case .string(let text)?:
            guard !text.isEmpty else { throw APIError.invalidBody(name, "must not be empty") }
            return text
        default: throw APIError.invalidBody(name, "must be a string")
        }
    }

    func strings(_ name: String) throws -> [String]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .array(let items)?:
            return try items.enumerated().map { index, item in
                guard case .string(let text) = item, !text.isEmpty else { throw APIError.invalidBody("\(name)[\(index)]", "must be a non-empty string") }
                return text
            }
        default: throw APIError.invalidBody(name, "must be a list of strings")
        }
    }

    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "true or false"
        case .int, .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    func bool(_ name: String) throws -> Bool? {
        switch fields[name] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw APIError.invalidBody(name, "must be true or false")
        }
    }

    func object(_ name: String) throws -> [String: JSONValue] {
        switch fields[name] {
        case nil, .null?: throw APIError.invalidBody(name, "required")
        case .object(let object)?: return object
        default: throw APIError.invalidBody(name, "must be a JSON object")
        }
    }

    /// A UTC time `2026-04-01T00:00:00Z`.
    /// Exactly `2026-04-01T00:00:00Z`, as the message says: a date alone, an offset or a fraction
    /// (which would be dropped) is refused rather than read some way the caller did not mean.
    func time(_ name: String) throws -> Timestamp? {
        guard let text = try optionalString(name) else { return nil }
        let utf8 = Array(text.utf8)
        guard utf8.count == 20, utf8[10] == UInt8(ascii: "T"), utf8[19] == UInt8(ascii: "Z"), let time = Timestamp(iso8601: text) else {
            throw APIError.invalidBody(name, "must be a UTC time like 2026-04-01T00:00:00Z, got '\(text)'")
        }
        return time
    }
}
