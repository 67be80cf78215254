/// A YAML document as the scenario writer builds it: keys in the order given, strings not yet
/// quoted. Rendering decides layout in one place, the same way every time: a list or mapping goes
/// on one line in flow style (`{name: web-1, tags: [web]}`) when that fits in `lineWidth`, else it
/// is broken into block style one level down, whose children get the same choice. A list of
/// mappings under a block key is always one item a line, as scenarios list resources.
indirect enum YAMLTree: Equatable {
    struct Entry: Equatable {
        var key: String
        var value: YAMLTree
        init(_ key: String, _ value: YAMLTree) {
            self.key = key
            self.value = value
        }

        /// `key: value`, or nothing when `value` is nil: optional keys are left out of a mapping.
        static func entry(_ key: String, _ value: YAMLTree?) -> Entry? {
            value.map { Entry(key, $0) }
        }
    }

    /// Written exactly as given: integers, booleans, times, money — text that is plain by construction.
    case token(String)
    /// A string, quoted only where YAML would misread it plain (`YAMLQuoting`).
    case text(String)
    case list([YAMLTree])
    case map([Entry])
    /// A mapping always in block style, one key a line: the document, its sections, timeline items.
    case blockMap([Entry])

    static let lineWidth = 120
    /// Where long prose (a description) is folded: narrower than code, as in the shipped scenarios.
    static let proseWidth = 100

    /// A flow-if-it-fits mapping of the entries that are there.
    static func mapping(_ entries: Entry?...) -> YAMLTree { .map(entries.compactMap { $0 }) }

    static func int(_ value: some BinaryInteger) -> YAMLTree { .token(String(value)) }

    static func bool(_ value: Bool) -> YAMLTree { .token(value ? "true" : "false") }

    static func texts(_ values: [String]) -> YAMLTree { .list(values.map(YAMLTree.text)) }

    /// The whole document, a block mapping, ending in a newline.
    static func document(_ entries: [Entry]) -> String {
        blockLines(entries, indent: 0).map { $0 + "\n" }.joined()
    }

    /// The value on one line, in flow style all the way down.
    var flow: String {
        switch self {
        case .token(let token): token
        case .text(let text): YAMLQuoting.inline(text)
        case .list(let items): "[" + items.map(\.flow).joined(separator: ", ") + "]"
        case .map(let entries), .blockMap(let entries):
            "{" + entries.map { "\(YAMLQuoting.inline($0.key)): \($0.value.flow)" }.joined(separator: ", ") + "}"
        }
    }

    private static func blockLines(_ entries: [Entry], indent: Int) -> [String] {
        let margin = String(repeating: " ", count: indent)
        return entries.flatMap { entry -> [String] in
            let key = margin + YAMLQuoting.inline(entry.key) + ":"
            let line = { key + " " + entry.value.flow }
            switch entry.value {
            case .token:
                return [line()]
            case .text(let text):
                guard let block = YAMLQuoting.blockScalar(text, indent: indent + 2, width: proseWidth) else { return [line()] }
                return [key + " " + block[0]] + block.dropFirst()
            case .list(let items):
                if items.isEmpty { return [line()] }
                if !items.contains(where: \.isMapping), fits(line()) { return [line()] }
                return [key] + listLines(items, indent: indent + 2)
            case .map(let children):
                return children.isEmpty || fits(line()) ? [line()] : [key] + blockLines(children, indent: indent + 2)
            case .blockMap(let children):
                return children.isEmpty ? [line()] : [key] + blockLines(children, indent: indent + 2)
            }
        }
    }

    /// Each item after `- `; an item broken into block style starts on the dash's line.
    private static func listLines(_ items: [YAMLTree], indent: Int) -> [String] {
        let dash = String(repeating: " ", count: indent) + "- "
        return items.flatMap { item -> [String] in
            let line = dash + item.flow
            switch item {
            case .token, .text:
                return [line]
            case .list(let nested):
                return nested.isEmpty || fits(line) ? [line] : [String(dash.dropLast())] + listLines(nested, indent: indent + 2)
            case .map(let entries):
                return entries.isEmpty || fits(line) ? [line] : onDashLine(blockLines(entries, indent: indent + 2), dash: dash)
            case .blockMap(let entries):
                return entries.isEmpty ? [line] : onDashLine(blockLines(entries, indent: indent + 2), dash: dash)
            }
        }
    }

    /// A block mapping as a list item: its first key moves up onto the `- ` line, which is exactly
    /// as wide as the indentation it replaces.
    private static func onDashLine(_ lines: [String], dash: String) -> [String] {
        [dash + lines[0].dropFirst(dash.count)] + lines.dropFirst()
    }

    private var isMapping: Bool {
        switch self {
        case .map, .blockMap: true
        case .token, .text, .list: false
        }
    }

    private static func fits(_ line: String) -> Bool { line.unicodeScalars.count <= lineWidth }
}
