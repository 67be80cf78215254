import ArcadiaCore
import ArgumentParser
import DigitalOcean
import MoneyAndTime
import Testing
@testable import ArcadiaServer
@testable import arcadia

/// `arcadia token`: what it mints is what `arcadia serve` accepts, with the same secret variable.
@Suite struct TokenCommandTests {
    static let secret = String(repeating: "token-command-secret-", count: 4)
    static let now = Timestamp(year: 2026, month: 4, day: 1, hour: 12)

    static func mint(_ arguments: [String], environment: [String: String] = ["ARCADIA_JWT_SECRET": secret]) async throws -> String {
        try await TokenCommand.parse(arguments).mint(environment: environment, clock: .fixed(now))
    }

    static func identity(_ token: String, at time: Timestamp, audience: String = TokenVerifier.defaultAudience) async throws -> Identity {
        let verifier = await TokenVerifier(secret: try JWTSecret(secret), clock: .fixed(time), audience: audience)
        return try await verifier.identity(authorization: "Bearer \(token)")
    }

    @Test func theServiceAcceptsWhatItMintsUntilTheTTLRunsOut() async throws {
        let admin = try await Self.mint(["--role", "platform_admin"])
        #expect(try await Self.identity(admin, at: Self.now).isPlatformAdmin)
        #expect(try await Self.identity(admin, at: Self.now + 3_599).isPlatformAdmin)
        await #expect(throws: AuthFailure.self) { try await Self.identity(admin, at: Self.now + 3_600) }
        let tenant = try await Self.mint(["--role", "tenant", "--tenant", "acme", "--ttl", "30m"])
        #expect(try await Self.identity(tenant, at: Self.now + 1_799).scope == .tenant(code: "acme"))
        await #expect(throws: AuthFailure.self) { try await Self.identity(tenant, at: Self.now + 1_800) }
        #expect(!admin.contains("\n") && admin.split(separator: ".").count == 3, "only the token")
    }

    @Test func theSecretComesFromTheNamedVariable() async throws {
        let token = try await Self.mint(["--role", "platform_admin", "--jwt-secret-env", "OTHER"], environment: ["OTHER": Self.secret])
        #expect(try await Self.identity(token, at: Self.now).isPlatformAdmin)
        #expect(try TokenCommand.parse(["--role", "tenant"]).jwtSecretEnv == ServeCommand.parse(["--db", "x"]).jwtSecretEnv)
    }

    @Test(arguments: [
        (["--role", "root"], "--role"), (["--role", "tenant"], "--tenant"), (["--role", "platform_admin", "--tenant", "acme"], "--tenant"),
        (["--role", "platform_admin", "--ttl", "forever"], "--ttl"), (["--role", "platform_admin", "--ttl", "0h"], "--ttl"),
        (["--role", "platform_admin", "--ttl", "+1h"], "--ttl"), (["--role", "platform_admin", "--ttl", "400d"], "--ttl"),
        // Tokens the service would refuse (no subject) or whose tenant no code can match.
        (["--role", "tenant", "--tenant", "ACME"], "--tenant"), (["--role", "tenant", "--tenant", "a b"], "--tenant"),
        (["--role", "platform_admin", "--subject", ""], "--subject"),
    ])
    func badOptionsAreRefusedByName(_ arguments: [String], _ option: String) async throws {
        do {
            _ = try await Self.mint(arguments)
            Issue.record("minted with \(arguments)")
        } catch let error as ValidationError {
            #expect(error.message.contains(option))
        }
    }

    /// 367d is a whole number of days: the refusal names the cap, not the form.
    @Test func aTTLAboveAYearIsRefusedForItsLength() async throws {
        #expect(try await Self.identity(Self.mint(["--role", "platform_admin", "--ttl", "366d"]), at: Self.now).isPlatformAdmin)
        for ttl in ["367d", "9000h", "99999999999999999d", "99999999999999999999999s"] {
            do {
                _ = try await Self.mint(["--role", "platform_admin", "--ttl", ttl])
                Issue.record("minted with --ttl \(ttl)")
            } catch let error as ValidationError {
                #expect(error.message == "--ttl \(ttl) is longer than a token may live: at most 366d", "\(error.message)")
            }
        }
    }

    /// `--audience` mints the `aud` claim a service started with that `--jwt-audience` accepts and
    /// any other refuses; without it the token has no `aud` and every audience accepts it.
    @Test func theAudienceIsTheOneTheServiceIsStartedWith() async throws {
        let billing = try await Self.mint(["--role", "platform_admin", "--audience", "billing"])
        #expect(try await Self.identity(billing, at: Self.now, audience: "billing").isPlatformAdmin)
        await #expect(throws: AuthFailure.notForThisService(audience: "arcadia")) { try await Self.identity(billing, at: Self.now) }
        let plain = try await Self.mint(["--role", "platform_admin"])
        #expect(try await Self.identity(plain, at: Self.now, audience: "billing").isPlatformAdmin)
        #expect(try ServeCommand.parse(["--db", "x"]).jwtAudience == "arcadia")
        await #expect(throws: ValidationError.self) { try await Self.mint(["--role", "platform_admin", "--audience", ""]) }
    }

    @Test func withoutTheSecretNothingIsMinted() async throws {
        for environment in [[:], ["ARCADIA_JWT_SECRET": "short"]] {
            await #expect(throws: ValidationError.self) { try await Self.mint(["--role", "platform_admin"], environment: environment) }
        }
    }
}
