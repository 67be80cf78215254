import ArcadiaCore
import Foundation
import Yams

/// A project map (`arcadia import do-invoice --derive-usage --project-map FILE.yaml`): one YAML
/// mapping from a resource-name glob to a DO project name, rules tried in file order
/// (`ProjectMap`). Errors are `file:line:column: field: message`, like a scenario's.
///
/// ```yaml
/// "shop-*": acme-web
/// "db-?": acme-data
/// ```
public enum ProjectMapFile {
    public static func load(path: String) throws(ScenarioError) -> ProjectMap {
        try parse(yaml: ScenarioParser.readText(path: path), file: path)
    }

    public static func parse(yaml: String, file: String) throws(ScenarioError) -> ProjectMap {
        let root = try ScenarioParser.compose(yaml, file: file, whatItNeeds: "a project map maps resource-name patterns to project names")
        let reader = YAMLNodeReader(file: file)
        let field = YAMLField(node: root, path: "")
        guard case .mapping(let mapping) = root else { throw reader.error(field, "expected a mapping of resource-name patterns to project names") }
        var rules: [ProjectMap.Rule] = []
        for (key, value) in mapping {
            let pattern = try reader.nonEmptyString(YAMLField(node: key, path: ""))
            let project = try reader.nonEmptyString(YAMLField(node: value, path: pattern))
            rules.append(ProjectMap.Rule(pattern: pattern, project: project))
        }
        guard !rules.isEmpty else { throw reader.error(field, "the map has no rules") }
        return ProjectMap(rules: rules)
    }
}
