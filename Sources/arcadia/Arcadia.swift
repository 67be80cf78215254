import ArgumentParser
import Foundation

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

    /// ArgumentParser's own entry, after the allocator is tuned for the whole process, except that
    /// a `ValidationError` a command throws while it runs (a value in the wrong form, options that
    /// do not go together) is told with that command's usage, as a parse error is, not the root's.
    static func main() async {
        AllocatorTuning.apply()
        var command: ParsableCommand
        do {
            command = try await asyncParseAsRoot(nil)
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            FileHandle.standardError.write(Data((refusal(error, by: type(of: command)) + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    /// `Error: …`, then the usage of the command that refused and where its help is.
    static func refusal(_ error: ValidationError, by command: ParsableCommand.Type) -> String {
        let path = ([Arcadia.self] + subcommandPath(to: command, under: Arcadia.self)).map { $0._commandName }.joined(separator: " ")
        return """
            Error: \(error.message)
            Usage: \(usageString(for: command))
              See '\(path) --help' for more information.
            """
    }

    /// The subcommands from `root` down to `command`, `command` last; empty for `root` itself.
    private static func subcommandPath(to command: ParsableCommand.Type, under root: ParsableCommand.Type) -> [ParsableCommand.Type] {
        for sub in root.configuration.subcommands {
            if sub == command { return [sub] }
            let below = subcommandPath(to: command, under: sub)
            if !below.isEmpty { return [sub] + below }
        }
        return []
    }
}
