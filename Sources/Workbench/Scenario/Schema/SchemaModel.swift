/// The scenario format as data: what `arcadia schema` turns into a JSON Schema for editors. Each
/// value type is one of the reader's (`YAMLNodeReader`) typed reads, so the schema says what the
/// parser checks; `ScenarioSchemaConformanceTests` drives the parser with every mapping of it and
/// fails on any key, requirement or choice the two disagree on.
indirect enum SchemaType: Sendable {
    /// Any non-null scalar, taken as written (`string`); YAML may load `8080` or `yes` as a number
    /// or boolean, which the parser still reads as text, so the schema accepts those too.
    case string
    /// A non-empty string (`nonEmptyString`).
    case name
    /// A string the parser checks further; `pattern` is its JSON Schema regex, `example` a valid value.
    case text(pattern: String, example: String)
    /// A plain decimal number written as text or as a YAML number (`7.00`, `0.0125`).
    case decimal(pattern: String, example: String)
    case integer(min: Int, max: Int?)
    case unsignedInteger
    case boolean
    /// `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DD`.
    case time
    /// `YYYY-MM-DD`.
    case day
    /// One of these spellings (`oneOf`).
    case choice([String])
    /// An integer, one of these.
    case integerChoice([Int])
    case list(SchemaType, nonEmpty: Bool = false)
    case object(SchemaObject)
    /// A shared object under `definitions`.
    case reference(String)
    /// A non-empty mapping of any keys to any values but null (a provisioned spec).
    case anyMapping
    /// One of these shapes (a price book path or an inline book).
    case either([SchemaType])
}

struct SchemaKey: Sendable {
    var name: String
    var type: SchemaType
    var required: Bool
    var description: String
}

struct SchemaObject: Sendable {
    var description: String
    var keys: [SchemaKey]
    /// Extra JSON Schema constraints the keys alone cannot say (e.g. exactly one action).
    var minKeys: Int? = nil
    var maxKeys: Int? = nil
}

/// Shorthands that keep the tables one line a key.
extension ScenarioSchema {
    static func req(_ name: String, _ type: SchemaType, _ description: String) -> SchemaKey {
        SchemaKey(name: name, type: type, required: true, description: description)
    }

    static func opt(_ name: String, _ type: SchemaType, _ description: String) -> SchemaKey {
        SchemaKey(name: name, type: type, required: false, description: description)
    }

    static func object(_ description: String, _ keys: [SchemaKey]) -> SchemaType {
        .object(SchemaObject(description: description, keys: keys))
    }
}
