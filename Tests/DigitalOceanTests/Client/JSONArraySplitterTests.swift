import Foundation
import Testing
@testable import DigitalOcean

@Suite struct JSONArraySplitterTests {
    func split(_ json: String, key: String = "droplets") -> [String]? {
        let data = Data(json.utf8)
        return data.withUnsafeBytes { bytes in
            JSONArraySplitter.split(bytes, key: key).map { split in
                split.elements.map { String(decoding: data[$0], as: UTF8.self) }
            }
        }
    }

    @Test func findsEachElementWhateverItContains() {
        let json = #"""
            { "links": {"pages": {"next": "x]}"}},
              "droplets" : [ {"name": "a \"]}, [{", "tags": ["x", "y"]} , 12, "s,]", null, [1, [2]] ],
              "meta": {"total": 5} }
            """#
        #expect(split(json) == [#"{"name": "a \"]}, [{", "tags": ["x", "y"]}"#, "12", #""s,]""#, "null", "[1, [2]]"])
    }

    /// A quote ends a string unless an odd number of backslashes stands before it.
    @Test func backslashRunsBeforeAQuoteAreCounted() {
        let json = #"{"droplets":["x\\\\","q\\\"],",{"k\"":"]"}]}"#
        #expect(split(json) == [#""x\\\\""#, #""q\\\"],""#, #"{"k\"":"]"}"#])
    }

    /// An element the caller recognises is stepped over by its length, unscanned: here the claimed
    /// bytes would not even scan, so only the skip can have split them.
    @Test func aKnownElementIsSteppedOverUnscanned() {
        let data = Data(#"{"droplets":[{"a":1},{"b":[2}]}"#.utf8)
        var asked: [Int] = []
        let elements = data.withUnsafeBytes { bytes in
            JSONArraySplitter.split(bytes, key: "droplets") { offset in
                asked.append(offset)
                return offset == 21 ? 8 : nil
            }?.elements
        }
        #expect(asked == [13, 21])
        #expect(elements == [13..<20, 21..<29])
        #expect(split(#"{"droplets":[{"a":1},{"b":[2}]}"#) == nil, "scanned, the second element is unbalanced")
    }

    @Test func anEmptyArrayHasNoElements() {
        #expect(split(#"{"droplets":[],"meta":{"total":0}}"#) == [])
    }

    @Test func onlyATopLevelKeyCounts() {
        #expect(split(#"{"meta":{"droplets":[1,2]},"droplets":[3]}"#) == ["3"])
        #expect(split(#"{"meta":{"droplets":[1,2]}}"#) == nil, "no top-level key: the caller decodes the whole body")
    }

    @Test(arguments: [
        #"{"droplets":[1,2"#, #"{"droplets":[1,,2]}"#, #"["droplets"]"#, #"{"droplets":[1]} trailing"#,
        #"{"droplets":[1],"droplets":[2]}"#, #"{"droplets":[{"a":"unterminated]}"#,
    ])
    func anythingMalformedGivesUpRatherThanGuessing(json: String) {
        #expect(split(json) == nil)
    }
}
