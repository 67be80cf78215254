import Foundation

/// A write's JSON body, read the way DO validates it: a body that is not a JSON object is a 400
/// (`error parsing request body`); a missing or mistyped field is a 422 naming the field.
struct WriteBody {
    private let object: [String: Any]

    /// nil when the body is present but not a JSON object; an absent body reads as `{}`.
    init?(_ data: Data?) {
        guard let data, !data.isEmpty else {
            object = [:]
            return
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        self.object = object
    }

    func string(_ key: String) throws(WriteRefusal) -> String {
        guard let value = object[key] as? String, !value.isEmpty else { throw WriteRefusal("\(key) is required") }
        return value
    }

    func optionalString(_ key: String) throws(WriteRefusal) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw WriteRefusal("\(key) must be a string") }
        return text
    }

    func int(_ key: String) throws(WriteRefusal) -> Int {
        guard let value = try optionalInt(key) else { throw WriteRefusal("\(key) is required") }
        return value
    }

    func optionalInt(_ key: String) throws(WriteRefusal) -> Int? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, let int = Int(exactly: number.doubleValue) else {
            throw WriteRefusal("\(key) must be an integer")
        }
        return int
    }

    func bool(_ key: String) -> Bool {
        (object[key] as? Bool) ?? false
    }

    /// A field DO types as a boolean: absent or null is nil, anything but true or false a 422.
    func optionalBool(_ key: String) throws(WriteRefusal) -> Bool? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let flag = value as? Bool else { throw WriteRefusal("\(key) must be true or false") }
        return flag
    }

    /// `ssh_keys`: ids (integers) or fingerprints (strings), as DO takes them.
    func idsOrStrings(_ key: String) throws(WriteRefusal) -> [String] {
        guard let value = object[key], !(value is NSNull) else { return [] }
        guard let list = value as? [Any] else { throw WriteRefusal("\(key) must be a list") }
        var items: [String] = []
        for item in list {
            if let text = item as? String, !text.isEmpty {
                items.append(text)
            } else if let number = item as? NSNumber, let int = Int(exactly: number.doubleValue) {
                items.append(String(int))
            } else {
                throw WriteRefusal("\(key) must be a list of ids or fingerprints")
            }
        }
        return items
    }

    func strings(_ key: String) throws(WriteRefusal) -> [String] {
        guard let value = object[key], !(value is NSNull) else { return [] }
        guard let strings = value as? [String] else { throw WriteRefusal("\(key) must be a list of strings") }
        return strings
    }

    /// A nested object (`backup_policy`), or nil when absent.
    func object(_ key: String) throws(WriteRefusal) -> WriteBody? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let nested = value as? [String: Any] else { throw WriteRefusal("\(key) must be an object") }
        return WriteBody(nested)
    }

    /// A domain record's fields, each as given (DO's rules per type are the world's).
    func domainRecordFields() throws(WriteRefusal) -> DomainRecordFields {
        DomainRecordFields(type: try optionalString("type"), name: try optionalString("name"), data: try optionalString("data"),
                           priority: try optionalInt("priority"), port: try optionalInt("port"), ttl: try optionalInt("ttl"),
                           weight: try optionalInt("weight"), flags: try optionalInt("flags"), tag: try optionalString("tag"))
    }

    /// `resources: [{resource_id, resource_type}]` (tags) as pairs.
    func resources(_ key: String) throws(WriteRefusal) -> [(id: String, type: String)] {
        guard let list = object[key] as? [[String: Any]], !list.isEmpty else { throw WriteRefusal("\(key) is required") }
        var pairs: [(id: String, type: String)] = []
        for item in list {
            guard let type = item["resource_type"] as? String else { throw WriteRefusal("resource_type is required") }
            let id = (item["resource_id"] as? String) ?? (item["resource_id"] as? NSNumber).map { "\($0.int64Value)" }
            guard let id else { throw WriteRefusal("resource_id is required") }
            pairs.append((id, type))
        }
        return pairs
    }

    private init(_ object: [String: Any]) {
        self.object = object
    }
}

/// A write DO would refuse with 422 (or `status`), and DO's kind of message.
struct WriteRefusal: Error {
    let status: Int
    let message: String

    init(_ message: String, status: Int = 422) {
        self.message = message
        self.status = status
    }

    /// A path naming an id that does not exist: DO's 404 and its message.
    static let notFound = WriteRefusal(ErrorCatalogue.error(status: 404).message, status: 404)
}
