import CYaml

/// Bounds on a YAML text, checked before Yams composes it.
///
/// Yams composes an alias as a shared copy of its anchor, and hashes every mapping key while it
/// composes, so a few hundred bytes of nested aliases (an "alias bomb") used as a key would hash
/// an exponentially large tree before any check of ours could run. So this pre-pass reads
/// libyaml's event stream (the same parser Yams uses) and counts nodes **with aliases expanded**:
/// an alias counts as the whole subtree of its anchor, and reaches as deep as it. Aliases stay
/// allowed — a scenario may repeat an anchored mapping — as long as the document they expand to is
/// within the bounds. A syntax error ends the pre-pass quietly: Yams reports it, in its own words.
enum YAMLInputBounds {
    /// The largest file read: 8 MiB, a thousand times the largest shipped scenario.
    static let maximumBytes = 8 << 20
    /// The most nodes (scalars, lists, mappings) the document may expand to, aliases counted as copies.
    static let maximumNodes = 1_000_000
    /// The deepest nesting, aliases counted as copies; the deepest shipped scenario nests 7 levels.
    static let maximumDepth = 64

    static func check(_ yaml: String, file: String) throws(ScenarioError) {
        let size = yaml.utf8.count
        guard size <= maximumBytes else {
            throw ScenarioError(location: ScenarioLocation(file: file, line: 0, column: 0), field: "",
                                message: "the file is \(size) bytes; a scenario or price book may be at most \(maximumBytes) bytes")
        }
        var counter = Counter()
        let bytes = Array(yaml.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        let refusal = bytes.withUnsafeBufferPointer { buffer -> ScenarioError? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let at = ScenarioLocation(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                do throws(ScenarioError) {
                    switch event.type {
                    case YAML_STREAM_END_EVENT:
                        return nil
                    case YAML_SCALAR_EVENT:
                        try counter.node(anchor: anchor(event.data.scalar.anchor), at: at)
                    case YAML_SEQUENCE_START_EVENT:
                        try counter.open(anchor: anchor(event.data.sequence_start.anchor), at: at)
                    case YAML_MAPPING_START_EVENT:
                        try counter.open(anchor: anchor(event.data.mapping_start.anchor), at: at)
                    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                        counter.close()
                    case YAML_ALIAS_EVENT:
                        guard let name = anchor(event.data.alias.anchor), try counter.alias(name, at: at) else { return nil }
                    default:
                        continue
                    }
                } catch {
                    return error
                }
            }
            return nestingRefusal(parser, file: file)
        }
        if let refusal { throw refusal }
    }

    /// libyaml's scanner reads ahead, so a flow collection nested past its own limit (1,000) fails
    /// there before this pass sees the events, with a message about `yaml_set_max_nest_level()`
    /// that means nothing to a scenario's author: it is reported as this pass's nesting bound.
    /// Any other syntax error is left to Yams (nil).
    private static func nestingRefusal(_ parser: yaml_parser_t, file: String) -> ScenarioError? {
        guard let problem = parser.problem.map({ String(cString: $0) }), problem.contains("nesting level") else { return nil }
        let mark = parser.problem_mark.line == 0 && parser.problem_mark.column == 0 ? parser.context_mark : parser.problem_mark
        return ScenarioError(location: ScenarioLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1), field: "",
                             message: nestingMessage)
    }

    static let nestingMessage = "nesting is deeper than \(maximumDepth) levels (each alias counted as a copy of its anchor); "
        + "no scenario or price book nests that deep"

    private static func anchor(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The running count, the open collections and the expanded size of every anchor so far.
    private struct Counter {
        struct Open {
            var anchor: String?
            var nodesBefore: Int
            /// The deepest level reached inside it, in levels from the document's root.
            var deepest: Int
        }

        var nodes = 0
        var stack: [Open] = []
        /// Per anchor (a later one shadows an earlier, as in YAML): its nodes and its height.
        var anchors: [String: (nodes: Int, height: Int)] = [:]

        mutating func node(anchor: String?, at location: ScenarioLocation) throws(ScenarioError) {
            try add(nodes: 1, height: 1, at: location)
            if let anchor { anchors[anchor] = (1, 1) }
        }

        mutating func open(anchor: String?, at location: ScenarioLocation) throws(ScenarioError) {
            try add(nodes: 1, height: 1, at: location)
            stack.append(Open(anchor: anchor, nodesBefore: nodes - 1, deepest: stack.count + 1))
        }

        mutating func close() {
            guard let open = stack.popLast() else { return }
            if let anchor = open.anchor { anchors[anchor] = (nodes - open.nodesBefore, open.deepest - stack.count) }
            if !stack.isEmpty { stack[stack.count - 1].deepest = max(stack[stack.count - 1].deepest, open.deepest) }
        }

        /// False for an alias to no anchor: Yams reports that.
        mutating func alias(_ name: String, at location: ScenarioLocation) throws(ScenarioError) -> Bool {
            guard let anchored = anchors[name] else { return false }
            try add(nodes: anchored.nodes, height: anchored.height, at: location)
            return true
        }

        private mutating func add(nodes added: Int, height: Int, at location: ScenarioLocation) throws(ScenarioError) {
            nodes += added
            guard nodes <= YAMLInputBounds.maximumNodes else {
                throw ScenarioError(location: location, field: "", message: "the document expands to more than \(YAMLInputBounds.maximumNodes) "
                                    + "nodes (each alias counted as a copy of its anchor); a scenario this large, or an alias bomb, is refused")
            }
            let depth = stack.count + height
            guard depth <= YAMLInputBounds.maximumDepth else {
                throw ScenarioError(location: location, field: "", message: YAMLInputBounds.nestingMessage)
            }
            if !stack.isEmpty { stack[stack.count - 1].deepest = max(stack[stack.count - 1].deepest, depth) }
        }
    }
}
