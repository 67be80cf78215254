import ArgumentParser
import Workbench

/// `arcadia schema`: the scenario format's JSON Schema, for editors (`docs/scenario.schema.json`).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the scenario format (what docs/scenario.schema.json holds).",
        discussion: "Generated from the scenario parser's key tables. Point an editor at it with a first line `# yaml-language-server: $schema=../docs/scenario.schema.json`."
    )

    func run() {
        print(ScenarioSchema.jsonSchema(), terminator: "")
    }
}
