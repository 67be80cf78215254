import ArcadiaCore
import DigitalOcean
import Foundation
import GRDB
import HTTPTypes
import MoneyAndTime
import Testing

/// Every way a request can fail to authenticate gets 401 and a JSON error saying which; a tenant
/// on an admin endpoint gets 403.
@Suite(.timeLimit(.minutes(2))) struct AuthTests {
    static let now = Timestamp(year: 2026, month: 5, day: 2)

    /// A broken `Authorization` header and the phrase its 401 must carry.
    enum BadCredential: String, CaseIterable, CustomTestStringConvertible {
        case missing, basicScheme, notAJWT, twoParts, garbageSegments, otherSecret, algNone, algNoneSigned, hs256SameSecret,
             hs384SameSecret, headerSaysHS256, hs256SignatureHeaderSaysHS512, tamperedPayload, expired, expiresNow, notYetValid,
             noExpiry, noSubject, unknownRole, tenantWithoutTenantID, criticalHeader, duplicateHeaderKey, duplicateClaim,
             escapedDuplicateClaim, paddedSignature, nonCanonicalSignature, otherAudience, otherAudiences, emptyAudienceList

        var testDescription: String { rawValue }

        func header(at now: Timestamp) async throws -> String? {
            let admin = TestTokens.admin(at: now)
            switch self {
            case .missing: return nil
            case .basicScheme: return "Basic b3BzOnNlY3JldA=="
            case .notAJWT: return "Bearer not-a-jwt"
            case .twoParts: return "Bearer abc.def"
            case .garbageSegments: return "Bearer !!!.???.***"
            case .otherSecret: return "Bearer " + (try await TestTokens.sign(admin, secret: TestTokens.otherSecretText))
            case .algNone: return "Bearer " + (try TestTokens.unsecured(admin))
            case .algNoneSigned:
                let real = try await TestTokens.sign(admin)
                return "Bearer " + TestTokens.withHeader(real, #"{"alg":"none","typ":"JWT"}"#)
            case .hs256SameSecret: return "Bearer " + (try await TestTokens.sign(admin, digest: .sha256))
            case .hs384SameSecret: return "Bearer " + (try await TestTokens.sign(admin, digest: .sha384))
            case .headerSaysHS256:
                return "Bearer " + TestTokens.withHeader(try await TestTokens.sign(admin), #"{"alg":"HS256","typ":"JWT"}"#)
            case .hs256SignatureHeaderSaysHS512:
                return "Bearer " + TestTokens.withHeader(try await TestTokens.sign(admin, digest: .sha256), #"{"alg":"HS512","typ":"JWT"}"#)
            case .tamperedPayload:
                let real = try await TestTokens.sign(TestTokens.tenant("archive", at: now)).split(separator: ".")
                let forged = TestTokens.base64URL(try JSONEncoder().encode(admin))
                return "Bearer \(real[0]).\(forged).\(real[2])"
            case .expired: return "Bearer " + (try await TestTokens.sign(.init(sub: "ops", role: "platform_admin", exp: now.seconds - 1)))
            case .expiresNow: return "Bearer " + (try await TestTokens.sign(.init(sub: "ops", role: "platform_admin", exp: now.seconds)))
            case .notYetValid:
                return "Bearer " + (try await TestTokens.sign(.init(sub: "ops", role: "platform_admin", exp: now.seconds + 600, nbf: now.seconds + 60)))
            case .noExpiry: return "Bearer " + (try await TestTokens.sign(.init(sub: "ops", role: "platform_admin")))
            case .noSubject: return "Bearer " + (try await TestTokens.sign(.init(role: "platform_admin", exp: now.seconds + 60)))
            case .unknownRole: return "Bearer " + (try await TestTokens.sign(.init(sub: "ops", role: "superuser", exp: now.seconds + 60)))
            case .tenantWithoutTenantID: return "Bearer " + (try await TestTokens.sign(.init(sub: "u", role: "tenant", exp: now.seconds + 60)))
            case .criticalHeader:
                return "Bearer " + TestTokens.withHeader(try await TestTokens.sign(admin), #"{"alg":"HS512","crit":["x-tenant-scope"]}"#)
            case .duplicateHeaderKey:
                return "Bearer " + TestTokens.withHeader(try await TestTokens.sign(admin), #"{"alg":"HS512","typ":"JWT","typ":"x"}"#)
            case .duplicateClaim, .escapedDuplicateClaim:
                let role = self == .duplicateClaim ? "role" : #"\u0072ole"#
                let payload = #"{"sub":"u","role":"tenant","tenant_id":"pilot",""# + role + #"":"platform_admin","exp":"# + "\(now.seconds + 60)}"
                let real = try await TestTokens.sign(admin).split(separator: ".")
                return "Bearer \(real[0]).\(TestTokens.base64URL(Data(payload.utf8))).\(real[2])"
            case .otherAudience, .otherAudiences, .emptyAudienceList:
                var claims = admin
                claims.aud = [.otherAudience: .one("other-service"), .otherAudiences: .list(["billing", "reports"])][self] ?? .list([])
                return "Bearer " + (try await TestTokens.sign(claims))
            case .paddedSignature:
                return "Bearer " + (try await TestTokens.sign(admin)) + "=="
            case .nonCanonicalSignature:
                // 64 signature bytes leave 4 unused bits in the last character: set one of them.
                var token = Array(try await TestTokens.sign(admin).utf8)
                let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
                token[token.count - 1] = alphabet[alphabet.firstIndex(of: token[token.count - 1])! ^ 1]
                return "Bearer " + String(decoding: token, as: UTF8.self)
            }
        }

        var phrase: String {
            switch self {
            case .missing: "missing bearer token"
            case .basicScheme: "not a bearer token"
            case .notAJWT, .twoParts: "three dot-separated parts"
            case .garbageSegments: "not base64url"
            case .otherSecret, .hs256SignatureHeaderSaysHS512, .tamperedPayload: "signature does not verify"
            case .algNone, .algNoneSigned: "algorithm 'none' is not accepted"
            case .hs256SameSecret, .headerSaysHS256: "algorithm 'HS256' is not accepted"
            case .hs384SameSecret: "algorithm 'HS384' is not accepted"
            case .expired, .expiresNow: "expired"
            case .notYetValid: "not valid yet"
            case .noExpiry: "no 'exp' claim"
            case .noSubject: "no 'sub' claim"
            case .unknownRole: "claim 'role' must be one of platform_admin, tenant"
            case .tenantWithoutTenantID: "no 'tenant_id' claim"
            case .criticalHeader: "critical extensions"
            case .duplicateHeaderKey: "header has the key 'typ' twice"
            case .duplicateClaim, .escapedDuplicateClaim: "payload has the key 'role' twice"
            case .paddedSignature, .nonCanonicalSignature: "signature is not canonical base64url"
            case .otherAudience, .otherAudiences, .emptyAudienceList: "its 'aud' claim does not include 'arcadia'"
            }
        }
    }

    static let endpoints: [(HTTPRequest.Method, String)] = [
        (.get, "/api/v1/inventory"), (.get, "/api/v1/billing/balance"), (.get, "/api/v1/billing/cost-lines?period=2026-04-01"),
        (.get, "/api/v1/drift"), (.post, "/api/v1/drift/1/accept"), (.get, "/api/v1/invoices"), (.get, "/api/v1/invoices/1"),
    ]

    @Test(arguments: BadCredential.allCases)
    func aBadCredentialIsA401NamingTheProblemOnEveryEndpoint(_ credential: BadCredential) async throws {
        let harness = try await ServiceHarness.make(scenario: "drift-ignore-expiry", at: Self.now)
        let header = try await credential.header(at: Self.now)
        let before = try Self.openDrifts(harness.ledger)
        try await harness.test { client async throws in
            for (method, uri) in Self.endpoints {
                var headers: HTTPFields = [:]
                if let header { headers[.authorization] = header }
                let response = try await client.execute(uri: uri, method: method, headers: headers)
                #expect(response.status == .unauthorized, "\(method) \(uri)")
                let error = try response.json["error"]
                #expect(error?["code"]?.string == "unauthorized")
                #expect(error?["message"]?.string?.contains(credential.phrase) == true, "\(uri): \(response.text)")
                #expect(response.headers[.wwwAuthenticate]
                        == (credential == .missing ? #"Bearer realm="arcadia""# : #"Bearer realm="arcadia", error="invalid_token""#))
                #expect(!response.text.contains(TestTokens.secretText))
            }
        }
        #expect(try Self.openDrifts(harness.ledger) == before, "a refused accept changed nothing")
    }

    @Test func validAdminAndTenantTokensAreAccepted() async throws {
        let harness = try await ServiceHarness.make(scenario: "revenue-month-end", at: Self.now)
        let admin = try await harness.adminToken
        let tenant = try await harness.tenantToken("acme")
        try await harness.test { client async throws in
            #expect(try await client.get("/api/v1/inventory", token: admin).json["page"]?["total"]?.int == 7)
            #expect(try await client.get("/api/v1/inventory", token: tenant).json["page"]?["total"]?.int == 6, "acme's own six")
            let lowercase = try await client.get("/api/v1/inventory", token: nil, headers: [.authorization: "bearer \(tenant)"])
            #expect(try lowercase.status == .ok && lowercase.json["page"]?["total"]?.int == 6,
                    "the scheme name is case-insensitive (RFC 7235)")
            // An `aud` that names this service, alone or among others, is accepted (RFC 7519 §4.1.3).
            for audience in [TestTokens.Audience.one("arcadia"), .list(["billing", "arcadia"])] {
                var claims = TestTokens.admin(at: Self.now)
                claims.aud = audience
                let response = try await client.get("/api/v1/inventory", token: try await TestTokens.sign(claims))
                #expect(response.status == .ok, "\(audience): \(response.text)")
            }
        }
    }

    @Test func anUnauthenticatedRequestIsRefusedBeforeItsParametersAreRead() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        try await harness.test { client async throws in
            let response = try await client.get("/api/v1/inventory?limit=-1&kind=%27%3B%20drop%20table", token: nil)
            #expect(response.status == .unauthorized)
        }
    }

    @Test func aTenantOnAnAdminEndpointIsA403AndChangesNothing() async throws {
        let harness = try await ServiceHarness.make(scenario: "drift-ignore-expiry", at: Self.now)
        let tenant = try await harness.tenantToken("pilot")
        let before = try Self.openDrifts(harness.ledger)
        let openID = try #require(before.first)
        try await harness.test { client async throws in
            for (method, uri) in [(HTTPRequest.Method.get, "/api/v1/billing/balance"), (.get, "/api/v1/billing/cost-lines"),
                                  (.get, "/api/v1/drift"), (.post, "/api/v1/drift/\(openID)/accept")] {
                let response = try await client.execute(uri: uri, method: method, headers: [.authorization: "Bearer \(tenant)"])
                #expect(response.status == .forbidden, "\(uri)")
                #expect(try response.json["error"]?["code"]?.string == "forbidden")
            }
        }
        #expect(try Self.openDrifts(harness.ledger) == before)
    }

    static func openDrifts(_ ledger: Ledger) throws -> [Int64] {
        try ledger.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM cloud_drift WHERE status = 'open' ORDER BY id") }
    }
}
