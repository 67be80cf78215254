import ArcadiaCore
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func canonicalFormSortsKeysAndHasNoWhitespace() {
        let value: JSONValue = .object(["b": 1, "a": .strings(["x", "y"]), "c": .null, "d": .object(["z": true, "y": false])])
        #expect(value.canonical == #"{"a":["x","y"],"b":1,"c":null,"d":{"y":false,"z":true}}"#)
    }

    @Test func stringsAreEscaped() {
        #expect(JSONValue.string("a\"b\\c\nd\u{01}").canonical == #""a\"b\\c\nd\u0001""#)
    }

    @Test func canonicalTextRoundTripsThroughDecoding() throws {
        let value: JSONValue = .object(["n": .number("2.34"), "i": 42, "s": "x", "l": .array([1, "two", .null])])
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(value.canonical.utf8))
        #expect(decoded == value)
        #expect(decoded.canonical == value.canonical)
    }
}
