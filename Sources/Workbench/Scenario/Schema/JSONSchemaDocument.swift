/// JSON with its object keys in the order written, so the schema's bytes are fixed by the tables.
enum OrderedJSON: Sendable {
    case string(String)
    case integer(Int)
    case unsigned(UInt64)
    case bool(Bool)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    /// Two-space indented, one key a line; arrays of scalars on one line.
    func text(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .string(let s): return Self.quote(s)
        case .integer(let i): return String(i)
        case .unsigned(let u): return String(u)
        case .bool(let b): return b ? "true" : "false"
        case .array(let items):
            if items.allSatisfy(\.isScalar) { return "[" + items.map { $0.text() }.joined(separator: ", ") + "]" }
            return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { "\(inner)\(Self.quote($0.0)): \($0.1.text(indent: inner))" }.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension ScenarioSchema {
    /// Where the committed copy lives; `# yaml-language-server: $schema=` lines point here.
    public static let documentPath = "docs/scenario.schema.json"

    /// The JSON Schema (draft-07, which editors' YAML servers read) of the scenario format.
    public static func jsonSchema() -> String {
        var document: [(String, OrderedJSON)] = [
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("title", .string("arcadia scenario")),
        ]
        document += objectJSON(root)
        document.append(("definitions", .object(definitions.map { ($0.name, json($0.type)) })))
        return OrderedJSON.object(document).text() + "\n"
    }

    /// Any non-null scalar: YAML loads `8080`, `7.00` or `yes` as numbers or booleans, which the
    /// parser reads as text.
    private static let scalarTypes = OrderedJSON.array([.string("string"), .string("number"), .string("boolean")])

    static func json(_ type: SchemaType) -> OrderedJSON {
        switch type {
        case .string: return .object([("type", scalarTypes)])
        case .name: return .object([("type", scalarTypes), ("minLength", .integer(1))])
        case .text(let pattern, let example):
            return .object([("type", .array([.string("string"), .string("number")])), ("pattern", .string(pattern)),
                            ("examples", .array([.string(example)]))])
        case .decimal(let pattern, let example):
            return .object([("type", .array([.string("string"), .string("number")])), ("pattern", .string(pattern)), ("minimum", .integer(0)),
                            ("examples", .array([.string(example)]))])
        case .integer(let min, let max):
            return .object([("type", .string("integer")), ("minimum", .integer(min))] + (max.map { [("maximum", .integer($0))] } ?? []))
        case .unsignedInteger:
            return .object([("type", .string("integer")), ("minimum", .integer(0)), ("maximum", .unsigned(.max))])
        case .boolean: return .object([("type", .string("boolean"))])
        case .time:
            return .object([("type", .string("string")),
                            ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|\\+00:00))?$")),
                            ("examples", .array([.string("2026-04-01T00:00:00Z"), .string("2026-04-01")]))])
        case .day:
            return .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
                            ("examples", .array([.string("2026-04-01")]))])
        case .choice(let choices): return .object([("enum", .array(choices.map(OrderedJSON.string)))])
        case .integerChoice(let choices): return .object([("enum", .array(choices.map(OrderedJSON.integer)))])
        case .list(let item, let nonEmpty):
            return .object([("type", .string("array")), ("items", json(item))] + (nonEmpty ? [("minItems", .integer(1))] : []))
        case .object(let object): return .object(objectJSON(object))
        case .reference(let name): return .object([("$ref", .string("#/definitions/\(name)"))])
        case .anyMapping: return .object([("type", .string("object")), ("minProperties", .integer(1))])
        case .either(let types): return .object([("anyOf", .array(types.map(json)))])
        }
    }

    private static func objectJSON(_ object: SchemaObject) -> [(String, OrderedJSON)] {
        var pairs: [(String, OrderedJSON)] = [("type", .string("object")), ("description", .string(object.description))]
        pairs.append(("properties", .object(object.keys.map { key in
            guard case .object(let fields) = json(key.type) else { return (key.name, json(key.type)) }
            // The key's own description says what it is for; an inline object's is then redundant.
            return (key.name, .object([("description", .string(key.description))] + fields.filter { $0.0 != "description" }))
        })))
        let required = object.keys.filter(\.required).map { OrderedJSON.string($0.name) }
        if !required.isEmpty { pairs.append(("required", .array(required))) }
        if let minKeys = object.minKeys { pairs.append(("minProperties", .integer(minKeys))) }
        if let maxKeys = object.maxKeys { pairs.append(("maxProperties", .integer(maxKeys))) }
        pairs.append(("additionalProperties", .bool(false)))
        return pairs
    }
}
