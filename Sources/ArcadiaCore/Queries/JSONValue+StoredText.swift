import Foundation

extension JSONValue {
    /// A JSON column read back (`attributes`, a drift's `desired`/`live`). The ledger only ever
    /// stores canonical JSON, which always decodes; damaged text reads as null rather than failing
    /// a whole listing.
    init(storedText text: String) {
        self = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
    }
}
