extension ScenarioParser {
    /// The reader alone, without the validator: what the schema describes (keys, types, choices),
    /// for the test that holds the schema to the parser.
    static func readWithoutValidating(yaml: String, file: String) throws(ScenarioError) -> Scenario {
        let root = try compose(yaml, file: file, whatItNeeds: "a scenario needs at least scenario, seed and clock")
        return try YAMLNodeReader(file: file).scenario(YAMLField(node: root, path: ""))
    }
}
