import ArcadiaCore
@testable import ArcadiaServer
import Testing

@Suite struct SecretAndQueryParsingTests {
    @Test func aSecretShorterThanTheHashIsRefusedAndNeverPrinted() throws {
        #expect(throws: JWTSecretError.empty) { try JWTSecret("") }
        #expect(throws: JWTSecretError.tooShort(bytes: 63)) { try JWTSecret(String(repeating: "x", count: 63)) }
        // An API audit: 70 spaces passed as a secret. Long enough, and no key at all.
        #expect(throws: JWTSecretError.oneByteRepeated(bytes: 70)) { try JWTSecret(String(repeating: " ", count: 70)) }
        #expect(throws: JWTSecretError.oneByteRepeated(bytes: 64)) { try JWTSecret(String(repeating: "a", count: 64)) }
        let secret = try JWTSecret(TestTokens.secretText)
        for text in [String(describing: secret), String(reflecting: secret), "\(secret)"] {
            #expect(!text.contains("arcadia-TEST-secret"), "\(text)")
        }
    }

    /// The repeated key is named by its path in the body, as the API names fields.
    @Test func aRepeatedKeyIsNamedByItsPath() {
        func first(_ json: String) -> String? { JSONDuplicateKeys.first(in: Array(json.utf8)) }
        #expect(first(#"{"code": "a", "name": "b"}"#) == nil)
        #expect(first(#"{"code": "a", "code": "b"}"#) == "code")
        #expect(first(#"{"spec": {"tags": [], "tags": ["x"]}}"#) == "spec.tags")
        #expect(first(#"{"plans": [{"code": "a"}, {"code": "b", "code": "c"}]}"#) == "plans[1].code")
        #expect(first(#"{"a": {"x": 1}, "b": {"x": 1}}"#) == nil, "the same key in two objects is not a repeat")
        #expect(first(#"{"a": 1,, "a": 2}"#) == nil, "not JSON: the parser reports that")
    }

    @Test func limitsAreCappedOffsetsAreWholeNumbersAndPeriodsAreMonths() throws {
        #expect(try QueryParameters(nil, allowed: ["limit"]).page().limit == QueryParameters.defaultLimit)
        #expect(try QueryParameters("limit=7&offset=3", allowed: ["limit", "offset"]).page() == .init(limit: 7, offset: 3))
        #expect(try QueryParameters("limit=501", allowed: ["limit"]).page().limit == 500)
        #expect(try QueryParameters("limit=", allowed: ["limit"]).page().limit == 100, "empty counts as absent")
        #expect(throws: APIError.self) { try QueryParameters("limit=+5", allowed: ["limit"]).page() }
        // What a URL library will not send as written, checked on the raw query text.
        #expect(throws: APIError.invalidParameter("limit", "must be a whole number from 1 (above 500 is capped to 500), got '10^9'")) {
            try QueryParameters("limit=10^9", allowed: ["limit"]).page()
        }
        #expect(throws: APIError.invalidParameter("kind", "not percent-encoded correctly")) {
            try QueryParameters("kind=%ZZ", allowed: ["kind"])
        }
        #expect(throws: APIError.self) { try QueryParameters("offset=99999999999999999999", allowed: ["offset"]).page() }
        // Path and query are decoded by one rule: every % begins two hex digits, and the bytes are UTF-8.
        #expect(QueryParameters.percentDecoded("acme%2Dapi") == "acme-api" && QueryParameters.percentDecoded("a%2fb%2F") == "a/b/")
        #expect(QueryParameters.percentDecoded("%252D") == "%2D", "decoded once")
        for bad in ["acme%ZZ", "acme%2", "%", "%G1", "%FF"] { #expect(QueryParameters.percentDecoded(bad) == nil, "\(bad)") }
        #expect(try QueryParameters("period=2024-02-01", allowed: ["period"]).period() == BillingPeriod(year: 2024, month: 2))
        #expect(throws: APIError.self) { try QueryParameters("period=2026-4-01", allowed: ["period"]).period() }
        #expect(throws: APIError.self) { try QueryParameters("period=2026-04-01T00:00:00Z", allowed: ["period"]).period() }
    }

    @Test func aBadValueIsQuotedShort() throws {
        let long = String(repeating: "a", count: 500)
        do {
            _ = try QueryParameters("status=\(long)", allowed: ["status"]).token("status")
            Issue.record("a 500-character status was accepted")
        } catch {
            #expect(error.message.count < 200)
        }
    }
}
