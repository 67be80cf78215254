import DigitalOcean
import MoneyAndTime
import Yams

/// A node and the path that names it in errors, e.g. `world.droplets[0].tags[1]`.
struct YAMLField {
    let node: Node
    let path: String

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// A mapping whose keys have all been checked against the ones its field allows.
struct YAMLMapping {
    let field: YAMLField
    let location: ScenarioLocation
    /// Entries in file order.
    let entries: [(key: String, keyNode: Node, value: Node)]

    func optional(_ key: String) -> YAMLField? {
        entries.first { $0.key == key }.map { YAMLField(node: $0.value, path: field.childPath(key)) }
    }

    /// Missing keys are reported at the mapping that lacks them: there is no node for what is not there.
    func required(_ key: String) throws(ScenarioError) -> YAMLField {
        guard let value = optional(key) else {
            throw ScenarioError(location: location, field: field.childPath(key), message: "missing required key '\(key)'")
        }
        return value
    }
}

/// Reads typed values out of a composed YAML tree.
///
/// Scenarios take YAML's syntax but not its implicit typing: each field's type is what the format says,
/// checked here against the scalar as written. So `seed: "7"` (a quoted string) or `ttl: 0x10` is an
/// error with a line and column rather than a quietly coerced value.
struct YAMLNodeReader {
    let file: String
    /// Where the files the document names (price books) may be read from.
    var confinement = FileConfinement()

    /// Yams marks are already 1-based (line and column, the column counted in Unicode scalars).
    func location(of node: Node) -> ScenarioLocation {
        ScenarioLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    func error(_ field: YAMLField, _ message: String) -> ScenarioError {
        ScenarioError(location: location(of: field.node), field: field.path, message: message)
    }

    // MARK: Containers

    func mapping(_ field: YAMLField, allowed: [String]) throws(ScenarioError) -> YAMLMapping {
        guard case .mapping(let mapping) = field.node else {
            throw error(field, "expected a mapping, found \(describe(field.node))")
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode, !isNull(keyNode) else {
                throw error(YAMLField(node: keyNode, path: field.path), "expected a key name, found \(describe(keyNode))")
            }
            guard allowed.contains(key.string) else {
                throw error(YAMLField(node: keyNode, path: field.childPath(key.string)),
                            "unknown key '\(key.string)'\(Spelling.hint(for: key.string, among: allowed)); "
                                + "allowed keys: \(allowed.joined(separator: ", "))")
            }
            entries.append((key.string, keyNode, value))
        }
        return YAMLMapping(field: field, location: location(of: field.node), entries: entries)
    }

    func list(_ field: YAMLField) throws(ScenarioError) -> [YAMLField] {
        guard case .sequence(let sequence) = field.node else {
            throw error(field, "expected a list, found \(describe(field.node))")
        }
        return sequence.enumerated().map { YAMLField(node: $1, path: "\(field.path)[\($0)]") }
    }

    // MARK: Scalars

    /// Any non-null scalar's text, as written: `name: 8080` is the string `8080`.
    func string(_ field: YAMLField) throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = field.node, !isNull(field.node) else {
            throw error(field, "expected a string, found \(describe(field.node))")
        }
        return scalar.string
    }

    func nonEmptyString(_ field: YAMLField) throws(ScenarioError) -> String {
        let text = try string(field)
        guard !text.isEmpty else { throw error(field, "must not be empty") }
        return text
    }

    func nonEmptyStrings(_ field: YAMLField) throws(ScenarioError) -> [String] {
        var strings: [String] = []
        for item in try list(field) {
            strings.append(try nonEmptyString(item))
        }
        return strings
    }

    /// One of a fixed set of spellings (DO's enums are case-sensitive, so these are too).
    func oneOf<Value>(_ field: YAMLField, _ choices: [(text: String, value: Value)]) throws(ScenarioError) -> Value {
        let text = try string(field)
        guard let choice = choices.first(where: { $0.text == text }) else {
            throw error(field, "must be one of \(choices.map(\.text).joined(separator: ", ")); found '\(text)'"
                        + Spelling.hint(for: text, among: choices.map(\.text)))
        }
        return choice.value
    }

    /// Plain `true` or `false` only; YAML 1.1's `yes`/`on` spellings are rejected as ambiguous.
    func bool(_ field: YAMLField) throws(ScenarioError) -> Bool {
        guard case .scalar(let scalar) = field.node, scalar.style == .plain,
              scalar.string == "true" || scalar.string == "false"
        else { throw error(field, "expected true or false, found \(describe(field.node))") }
        return scalar.string == "true"
    }

    func integer(_ field: YAMLField, atLeast minimum: Int, atMost maximum: Int = .max) throws(ScenarioError) -> Int {
        let text = try integerText(field, expected: "an integer")
        guard let value = Int(text) else {
            throw error(field, "\(Self.abbreviated(text)) is out of range: " + (maximum == .max ? "it must be at least \(minimum) and fit in 64 bits"
                                                                                         : "it must be between \(minimum) and \(maximum)"))
        }
        guard value >= minimum, value <= maximum else {
            throw error(field, maximum == .max ? "must be at least \(minimum), found \(value)"
                                               : "must be between \(minimum) and \(maximum), found \(value)")
        }
        return value
    }

    func unsignedInteger(_ field: YAMLField) throws(ScenarioError) -> UInt64 {
        let text = try integerText(field, expected: "a non-negative integer")
        guard !text.hasPrefix("-") else { throw error(field, "expected a non-negative integer, found \(text)") }
        guard let value = UInt64(text) else { throw error(field, "\(Self.abbreviated(text)) is out of range 0...\(UInt64.max)") }
        return value
    }

    /// A number too long to echo whole (a 5,000-digit seed): its first digits and its length.
    static func abbreviated(_ digits: String) -> String {
        digits.count <= 40 ? digits : "\(digits.prefix(20))… (\(digits.count) digits)"
    }

    /// A plain decimal integer (`-`, then `0` or digits without a leading zero): YAML 1.1 would
    /// read `017` as octal and accept `0x1f`, `1_000` or `+7`, which a scenario should never rely on.
    private func integerText(_ field: YAMLField, expected: String) throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = field.node else {
            throw error(field, "expected \(expected), found \(describe(field.node))")
        }
        let text = scalar.string
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let isDecimal = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
            && (digits == "0" || !digits.hasPrefix("0"))
        guard scalar.style == .plain, Resolver.default.resolveTag(of: field.node) == .int, isDecimal else {
            let hint = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? "; write integers unquoted" : ""
            throw error(field, "expected \(expected), found \(describe(field.node))\(hint)")
        }
        return text
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (or `+00:00`), or a bare `YYYY-MM-DD` meaning midnight UTC.
    /// Virtual time is whole UTC seconds, so offsets and fractions, which `Timestamp` would accept
    /// and silently shift or truncate, are errors.
    func time(_ field: YAMLField) throws(ScenarioError) -> Timestamp {
        guard case .scalar(let scalar) = field.node, !isNull(field.node) else {
            throw error(field, "expected a time such as 2026-04-01T10:07:00Z, found \(describe(field.node))")
        }
        let text = scalar.string
        guard let time = Timestamp(iso8601: text) else {
            throw error(field, "'\(text)' is not a valid time; write YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD")
        }
        let isUTC = text.count == 10 || text.hasSuffix("Z") || text.hasSuffix("+00:00") || text.hasSuffix("+0000")
        guard isUTC else { throw error(field, "times must be UTC; '\(text)' has an offset: write it with Z") }
        let utf8 = Array(text.utf8)
        let isCanonical = utf8.count == 10
            || (utf8[10] == UInt8(ascii: "T")
                && ((utf8.count == 20 && text.hasSuffix("Z")) || (utf8.count == 25 && text.hasSuffix("+00:00"))))
        guard isCanonical else {
            throw error(field, "write '\(text)' as YYYY-MM-DDTHH:MM:SSZ (a T separator, whole seconds)")
        }
        return time
    }

    // MARK: Describing what was found

    private func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && Resolver.default.resolveTag(of: node) == .null
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(node) { return "null" }
            let text = scalar.string.count > 40 ? scalar.string.prefix(40) + "…" : scalar.string
            switch scalar.style {
            case .singleQuoted, .doubleQuoted: return "the quoted string \"\(text)\""
            case .literal, .folded: return "a block string"
            case .any, .plain: return "'\(text)'"
            }
        }
    }
}
