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

    @Test func repriceWithAMissingPriceBookIsBadInputNotBadUsage() async throws {
        await #expect(throws: InputError.self) {
            try await RepriceCommand.report(db: "/nowhere.sqlite", scenario: nil, pricebooks: ["/nowhere.yaml"], from: nil, to: nil,
                                            tenant: nil, format: .table)
        }
    }
}
