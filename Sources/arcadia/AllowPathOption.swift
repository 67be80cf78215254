import ArgumentParser
import Workbench

/// `--allow-path`, for every command that reads a scenario or a tenants file: the folders outside
/// the file's repository its price-book paths may lead into (`FileConfinement`). Each such command
/// takes it, since the refusal it answers names it.
struct AllowPathOption: ParsableArguments {
    @Option(name: .customLong("allow-path"),
            help: "A folder outside the scenario's repository that its price-book paths may lead into (repeat for several).")
    var folders: [String] = []

    var confinement: FileConfinement { FileConfinement(allowedFolders: folders) }
}
