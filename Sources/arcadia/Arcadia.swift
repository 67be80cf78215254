import ArgumentParser

/// The `arcadia` command: the only code that prints, reads the environment or the wall clock,
/// and picks exit codes. Everything it runs returns values.
@main
struct Arcadia: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arcadia",
        abstract: "The arcadia-cloud workbench: play billing and inventory scenarios against a fake DigitalOcean.",
        discussion: """
            Exit codes: 0 when everything passed; 1 on a finding (a ledger that differs from its golden, a missing \
            golden, an invalid scenario, a listing that still failed, an invalid report) and on input it cannot use (a \
            missing or malformed file, a file that is not a ledger, an invoice or tenant that is not there); 64 on bad \
            usage (an unknown option, a missing argument, an option's value in the wrong form). Long runs show progress on stderr when it is a terminal.
            """,
        version: ArcadiaVersion.current,
        subcommands: [RunCommand.self, BenchCommand.self, SyncCommand.self, FakeDOCommand.self, QuoteCommand.self, ImportCommand.self,
                      RepriceCommand.self, MarginCommand.self, ServeCommand.self, TokenCommand.self, JUnitCommand.self, SchemaCommand.self,
                      ExplainCommand.self, PlayCommand.self, CaptureCommand.self, FuzzCommand.self]
    )

    /// ArgumentParser's own entry, after the allocator is tuned for the whole process.
    static func main() async {
        AllocatorTuning.apply()
        await main(nil)
    }
}
