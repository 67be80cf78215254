import Testing
@testable import Workbench

/// The suggestion an unknown key or value gets: close misspellings only, never a guess.
struct SpellingTests {
    static let actions = ["create_droplet", "destroy_droplet", "resize_droplet", "power_off", "power_on", "create_volume", "delete_volume"]

    @Test func aSwappedPairAMissingOrADoubledLetterIsSuggested() {
        #expect(Spelling.suggestion(for: "destory_droplet", among: Self.actions) == "destroy_droplet")
        #expect(Spelling.suggestion(for: "resize_drplet", among: Self.actions) == "resize_droplet")
        #expect(Spelling.suggestion(for: "create_vollume", among: Self.actions) == "create_volume")
        #expect(Spelling.suggestion(for: "Power_On", among: Self.actions) == "power_on", "case is no edit")
    }

    @Test func farOffOrAmbiguousTextGetsNoSuggestion() {
        #expect(Spelling.suggestion(for: "reboot", among: Self.actions) == nil)
        #expect(Spelling.suggestion(for: "power_onn", among: Self.actions) == "power_on")
        #expect(Spelling.suggestion(for: "power_of", among: Self.actions) == nil, "power_on and power_off are as close")
        #expect(Spelling.suggestion(for: "", among: Self.actions) == nil)
        #expect(Spelling.hint(for: "weekly", among: ["daily", "hourly"]) == "")
    }

    @Test func theDistanceCountsATranspositionAsOneEdit() {
        func distance(_ a: String, _ b: String) -> Int { Spelling.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        #expect(distance("destory", "destroy") == 1)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("", "abc") == 3)
        #expect(distance("abc", "abc") == 0)
    }
}
