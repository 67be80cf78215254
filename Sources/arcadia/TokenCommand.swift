import ArcadiaCore
import ArcadiaServer
import ArgumentParser
import Foundation
import MoneyAndTime

/// `arcadia token`: mints an HS512 token for calling a local `arcadia serve`, with the secret the
/// service reads (same option, same default). Prints only the token, so `$(arcadia token …)` works.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Mint an HS512 API token for local use; prints only the token.",
        discussion: """
            Example: curl -H "Authorization: Bearer $(arcadia token --role platform_admin)" http://127.0.0.1:4005/api/v1/jobs. \
            The secret is read from the variable named by --jwt-secret-env (as arcadia serve reads it) and never printed.
            """
    )

    @Option(help: "platform_admin or tenant.")
    var role: String

    @Option(help: "With --role tenant: the tenant's code (tenants.code).")
    var tenant: String?

    @Option(help: "How long the token is valid: a whole number of s, m, h or d, e.g. 1h, 30m, 7d; at most 366d.")
    var ttl = "1h"

    @Option(help: "The environment variable holding the HS512 secret shared with the service.")
    var jwtSecretEnv = "ARCADIA_JWT_SECRET"

    @Option(help: "The token's subject (sub claim).")
    var subject = "arcadia-cli"

    @Option(help: "The service the token is for (aud claim), as arcadia serve --jwt-audience names it; none by default.")
    var audience: String?

    func run() async throws {
        let wallClock = EngineClock { Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
        print(try await mint(environment: ProcessInfo.processInfo.environment, clock: wallClock))
    }

    /// The token, without the environment or the wall clock; errors name the option or the variable.
    func mint(environment: [String: String], clock: EngineClock) async throws -> String {
        guard let parsedRole = Identity.Role(rawValue: role) else {
            throw ValidationError("--role must be one of \(Identity.Role.allCases.map(\.rawValue).joined(separator: ", ")), got '\(role)'")
        }
        if parsedRole == .tenant, tenant?.isEmpty ?? true { throw ValidationError("--role tenant needs --tenant CODE") }
        // The service would refuse the token (no sub) or never match its tenant (not a code): say so now.
        if let tenant, !TenancyCode.isValid(tenant) {
            throw ValidationError("--tenant '\(tenant)' is not a tenant code: lowercase letters, digits, '-' and '_', starting with a letter or "
                                  + "digit, at most \(TenancyCode.longest) characters")
        }
        if subject.isEmpty { throw ValidationError("--subject must not be empty: the service refuses a token without a subject") }
        if parsedRole == .platformAdmin, tenant != nil { throw ValidationError("--tenant only goes with --role tenant") }
        guard let seconds = Self.seconds(ttl) else {
            throw ValidationError("--ttl must be a whole number followed by s, m, h or d (e.g. 1h), got '\(ttl)'")
        }
        guard seconds <= Self.longestTTL else {
            throw ValidationError("--ttl \(ttl) is longer than a token may live: at most 366d")
        }
        guard let text = environment[jwtSecretEnv], !text.isEmpty else {
            throw ValidationError("the environment variable \(jwtSecretEnv) named by --jwt-secret-env is missing or empty; there is no default secret")
        }
        let secret: JWTSecret
        do {
            secret = try JWTSecret(text)
        } catch {
            throw ValidationError("\(jwtSecretEnv): \(error.description)")
        }
        if audience?.isEmpty == true { throw ValidationError("--audience must not be empty") }
        return try await TokenIssuer(secret: secret, clock: clock).token(role: parsedRole, tenant: tenant, subject: subject, ttl: seconds,
                                                                         audience: audience)
    }

    /// A year, leap or not.
    static let longestTTL: Int64 = 366 * 86_400

    /// `90s`, `30m`, `1h`, `7d` → seconds, at least one (`Int64.max` past it); nil for any other form.
    static func seconds(_ text: String) -> Int64? {
        guard let unit = text.last, !text.dropLast().isEmpty, text.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        // Digits past 64 bits are a very long time, not a malformed one.
        let count = Int64(text.dropLast()) ?? .max
        guard count > 0 else { return nil }
        let scale: Int64
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3_600
        case "d": scale = 86_400
        default: return nil
        }
        let seconds = count.multipliedReportingOverflow(by: scale)
        return seconds.overflow ? .max : seconds.partialValue
    }
}
