/// Input a command cannot use: a file that is missing or malformed, a ledger that is not one, an
/// invoice or tenant that is not there. ArgumentParser prints it as `Error: <description>` and
/// exits 1, as `arcadia --help` promises for bad input. A `ValidationError` (exit 64, with the
/// usage text) is kept for the command line's own shape: an option's format, options that do not
/// go together, a missing one.
struct InputError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
