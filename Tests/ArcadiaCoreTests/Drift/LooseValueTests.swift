import ArcadiaCore
import Testing

/// The loose comparison, rule by rule as `docs/drift.md` states them.
@Suite struct LooseValueTests {
    func equal(_ a: JSONValue?, _ b: JSONValue?) -> Bool { LooseValue.equal(a, b) }

    @Test func numbersAndTheirTextAreEqual() {
        #expect(equal(2, "2"))
        #expect(equal(.number("2.0"), 2), "an integral number is written as an integer")
        #expect(equal(.number("2.50"), "2.5"))
        #expect(equal(-0, "0"))
        #expect(!equal(2, "2.0"), "strings are never reinterpreted as numbers")
        #expect(!equal(2, 3))
        #expect(!equal("007", 7))
    }

    @Test func stringsCompareExactly() {
        #expect(equal("syd1", "syd1"))
        #expect(!equal("syd1", "SYD1"), "case-sensitive")
        #expect(!equal("syd1", "syd1 "))
        #expect(equal(true, "true"))
        #expect(!equal(true, "yes"))
    }

    @Test func nullEqualsAbsentAndNothingElse() {
        #expect(equal(.null, nil))
        #expect(equal(nil, nil))
        #expect(!equal(.null, "null"), "null is not the string 'null'")
        #expect(!equal(.null, ""))
        #expect(!equal(.null, .array([])), "an empty list is a value")
        #expect(!equal("x", nil))
    }

    @Test func listsAreSetsInAnyOrderWithDuplicatesIgnored() {
        #expect(equal(.strings(["web", "edge"]), .strings(["edge", "web"])))
        #expect(equal(.strings(["web", "web", "edge"]), .strings(["edge", "web"])), "duplicates collapse")
        #expect(equal(.array([1, "2"]), .strings(["2", "1"])), "items compare loosely too")
        #expect(!equal(.strings(["web"]), .strings(["web", "edge"])))
        #expect(!equal(.strings(["web"]), "web"), "a list never equals a scalar")
        #expect(equal(.array([]), .array([])))
    }

    @Test func nestedListsAreSetsAtEveryLevel() {
        let a: JSONValue = .array([.array([1, 2]), .array([3])])
        let b: JSONValue = .array([.array(["3"]), .array([2, 1, 1])])
        #expect(equal(a, b))
        #expect(!equal(a, .array([.array([1, 2, 3])])), "nesting is kept: [[1,2],[3]] is not [[1,2,3]]")
        #expect(equal(.array([.array([1]), .array([1])]), .array([.array(["1"])])), "duplicate inner lists collapse")
    }

    @Test func objectsCompareFieldByFieldWithNullFieldsAbsent() {
        let a: JSONValue = .object(["port": 80, "rules": .strings(["b", "a"]), "note": .null])
        let b: JSONValue = .object(["rules": .strings(["a", "b"]), "port": "80"])
        #expect(equal(a, b))
        #expect(!equal(a, .object(["port": 80])))
        #expect(equal(.array([.object(["a": 1]), .object(["b": 2])]), .array([.object(["b": "2"]), .object(["a": "1"])])))
    }

    @Test func equalityIsTransitiveThroughTheNormalForm() {
        #expect(LooseValue.normalForm(2) == LooseValue.normalForm("2"))
        #expect(LooseValue.normalForm(.number("2.0")) == LooseValue.normalForm("2"))
    }
}
