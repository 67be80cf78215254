import ArgumentParser

/// The `arcadia` command: the only code that prints, reads the environment or the wall clock,
/// and picks exit codes. Everything it runs returns values.
@main
struct Arcadia: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arcadia",
        abstract: "The arcadia-cloud workbench: play billing and inventory scenarios against a fake DigitalOcean.",
        subcommands: [RunCommand.self, BenchCommand.self, SyncCommand.self, FakeDOCommand.self, QuoteCommand.self, ServeCommand.self, JUnitCommand.self]
    )
}
