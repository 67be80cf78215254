/// Which DO project an old export's line belongs to when its `project_name` cell is empty
/// (`--project-map FILE`): rules of a resource-name pattern and a project name, tried in file
/// order, the first match winning. The name is the one matching reads from the description
/// (`web-1 (s-1vcpu-1gb)` → `web-1`). Patterns are globs: `*` any run of characters, `?` one
/// character, everything else literal, compared ASCII case-insensitively like matching's names.
public struct ProjectMap: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public var pattern: String
        public var project: String

        public init(pattern: String, project: String) {
            self.pattern = pattern
            self.project = project
        }
    }

    public var rules: [Rule]

    public init(rules: [Rule] = []) { self.rules = rules }

    /// The project of the first rule whose pattern matches `name`; nil when none does.
    public func project(forResourceNamed name: String) -> String? {
        rules.first { Self.glob($0.pattern, matches: name) }?.project
    }

    /// The drift rules' glob (`NameGlob`), over ASCII-lowercased text.
    static func glob(_ pattern: String, matches name: String) -> Bool {
        NameGlob.matches(pattern.lowercasedASCII, name.lowercasedASCII)
    }
}
