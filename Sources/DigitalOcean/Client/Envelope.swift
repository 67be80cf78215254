import Foundation

/// DO wraps every body in a named key: `{"droplets": [...], "links": ..., "meta": ...}` for lists,
/// `{"droplet": {...}}` for one object. The key varies per endpoint, so it is passed in through
/// `userInfo` rather than fixed in `CodingKeys`.
struct ListEnvelope<Item: Decodable & Sendable>: Decodable, Sendable {
    var items: [Item]
    var links: Links?
    var meta: Meta?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: EnvelopeKey.self)
        items = try c.decode([Item].self, forKey: EnvelopeKey(decoder.envelopeKey))
        links = try c.decodeIfPresent(Links.self, forKey: EnvelopeKey("links"))
        meta = try c.decodeIfPresent(Meta.self, forKey: EnvelopeKey("meta"))
    }
}

/// `{"<key>": {...}}` around a single object.
struct SingleEnvelope<Item: Decodable>: Decodable {
    var item: Item

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: EnvelopeKey.self)
        item = try c.decode(Item.self, forKey: EnvelopeKey(decoder.envelopeKey))
    }
}

struct EnvelopeKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static let userInfoKey = CodingUserInfoKey(rawValue: "DigitalOcean.envelopeKey")!
}

extension Decoder {
    fileprivate var envelopeKey: String { userInfo[EnvelopeKey.userInfoKey] as? String ?? "" }
}

enum EnvelopeDecoder {
    /// A fresh decoder per call: `JSONDecoder.userInfo` is mutable state and the client is shared.
    static func decode<T: Decodable>(_ type: T.Type, key: String, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.userInfo[EnvelopeKey.userInfoKey] = key
        return try decoder.decode(type, from: data)
    }

    /// A readable account of why a body did not decode: the JSON path and DO-side expectation.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "top level" : String(keys.dropFirst(keys.hasPrefix(".") ? 1 : 0))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context)): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "null where \(type) was expected at \(path(context))"
        case .dataCorrupted(let context):
            return "invalid data at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
