import Yams

/// Where each field of a parsed scenario was written.
///
/// The model keeps one location per item (the item's mapping); the validator's errors are about a
/// field inside it (`timeline[3].resize_droplet.name`) and must point at that field's own node
/// (a timeline event knows its position in the file, `TimelineEvent.fileIndex`). Generated
/// scenarios have no source map; the validator then falls back to item locations.
struct ScenarioSourceMap {
    /// The location of every node in the document, by its path, e.g. `world.droplets[0].created_at`.
    private(set) var locations: [String: ScenarioLocation] = [:]

    init() {}

    init(root: Node, file: String) {
        let reader = YAMLNodeReader(file: file)
        record(YAMLField(node: root, path: ""), reader)
    }

    private mutating func record(_ field: YAMLField, _ reader: YAMLNodeReader) {
        locations[field.path] = reader.location(of: field.node)
        switch field.node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if case .scalar(let name) = key {
                    record(YAMLField(node: value, path: field.childPath(name.string)), reader)
                }
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                record(YAMLField(node: item, path: "\(field.path)[\(index)]"), reader)
            }
        case .scalar, .alias:
            break
        }
    }
}
