import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Testing

@Suite struct IgnoreRuleTests {
    @Test(arguments: [
        ("batch-*", "batch-7", true), ("batch-*", "batch-", true), ("batch-*", "web-1", false),
        ("*-1", "web-1", true), ("w?b-1", "web-1", true), ("w?b-1", "wb-1", false), ("*", "", true),
        ("a*b*c", "axxbyyc", true), ("a*b*c", "axxbyy", false), ("Web-*", "web-1", false), ("web-1", "web-1", true),
    ])
    func globsMatchWholeNames(pattern: String, name: String, matches: Bool) {
        #expect(NameGlob.matches(pattern, name) == matches)
    }

    @Test func aRuleAppliesUntilItsExpiryInstant() {
        let expires = Timestamp(year: 2026, month: 4, day: 1, hour: 12)
        let rule = IgnoreRule(id: "r", field: "tags", reason: "autoscaler", expires: expires)
        #expect(!rule.isExpired(at: expires - 1))
        #expect(rule.isExpired(at: expires))
    }
}
