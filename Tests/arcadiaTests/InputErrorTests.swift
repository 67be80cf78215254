import ArgumentParser
import Testing
@testable import arcadia

/// `arcadia --help` promises exit 1 for input that cannot be used and 64 for the command line's
/// own shape. Before `InputError`, a missing price book, an unknown invoice or a file that is not a
/// ledger exited 64 and printed the top-level usage, as if an option had been misspelled.
struct InputErrorTests {
    @Test func badInputExitsOneWithItsMessageAndNoUsageText() {
        let error = InputError("--pricebook: /nowhere.yaml:0:0: no such file")
        #expect(Arcadia.exitCode(for: error) == ExitCode(1))
        #expect(Arcadia.message(for: error) == "--pricebook: /nowhere.yaml:0:0: no such file")
        #expect(Arcadia.exitCode(for: ValidationError("--period 'x' is not a month")) == ExitCode(64))
    }

    /// A value a command refuses while it runs is told with that command's usage, as a parse error
    /// is; ArgumentParser's own entry printed `Usage: arcadia <subcommand>` for every one of them.
    @Test func aRunTimeRefusalShowsTheRefusingCommandsUsage() {
        let quote = Arcadia.refusal(ValidationError("--usage 'foo=3': unknown billing kind 'foo'"), by: QuoteCommand.self)
        #expect(quote.hasPrefix("Error: --usage 'foo=3': unknown billing kind 'foo'\nUsage: arcadia quote --pricebook <pricebook> --plan <plan>"), "\(quote)")
        #expect(quote.hasSuffix("\n  See 'arcadia quote --help' for more information."), "\(quote)")
        let tenants = Arcadia.refusal(ValidationError("x"), by: ImportTenantsCommand.self)
        #expect(tenants.contains("Usage: arcadia import tenants <file> --db <db>"), "\(tenants)")
        #expect(tenants.hasSuffix("See 'arcadia import tenants --help' for more information."), "\(tenants)")
    }

    @Test func repriceWithAMissingPriceBookIsBadInputNotBadUsage() async throws {
        await #expect(throws: InputError.self) {
            try await RepriceCommand.report(db: "/nowhere.sqlite", scenario: nil, pricebooks: ["/nowhere.yaml"], from: nil, to: nil,
                                            tenant: nil, format: .table)
        }
    }
}
