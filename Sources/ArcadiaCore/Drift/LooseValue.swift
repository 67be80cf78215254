/// The loose comparison drift uses between a desired and a live value (`docs/drift.md` has the
/// rules with examples). Desired specs come from YAML or provisioning code and live values from
/// DO's JSON, so the same intent arrives as `2` or `"2"`, in any list order, with or without
/// duplicate tags: none of that may open a drift.
///
/// Each value is reduced to a normal form and two values are loosely equal when their normal forms
/// are equal. Defining equality through one normal form keeps it an equivalence (symmetric and
/// transitive), which a pairwise "close enough" rule would not be.
public enum LooseValue {
    /// `nil` is an absent value (no such attribute); it compares like JSON `null`.
    public static func equal(_ desired: JSONValue?, _ live: JSONValue?) -> Bool {
        normalForm(desired) == normalForm(live)
    }

    /// - null and absent → `null`
    /// - a scalar → its text: strings as written, booleans `true`/`false`, numbers in their
    ///   shortest form (`2.0` → `2`, `2.50` → `2.5`)
    /// - a list → the set of its items' normal forms (order and duplicates dropped), sorted
    /// - an object → its fields' normal forms, fields whose value is null dropped
    public static func normalForm(_ value: JSONValue?) -> JSONValue {
        switch value {
        case nil, .null?: return .null
        case .bool(let flag)?: return .string(flag ? "true" : "false")
        case .int(let number)?: return .string(String(number))
        case .number(let text)?: return .string(numberText(text))
        case .string(let text)?: return .string(text)
        case .array(let items)?:
            var seen: Set<String> = []
            let forms = items.map { normalForm($0) }.map { ($0.canonical, $0) }
                .filter { seen.insert($0.0).inserted }
                .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            return .array(forms.map(\.1))
        case .object(let fields)?:
            return .object(fields.compactMapValues { field in
                let form = normalForm(field)
                return form == .null ? nil : form
            })
        }
    }

    /// A non-integer JSON number's shortest text; an integral one is written as an integer so
    /// `1.0` equals `1`. Text that is not a finite number is kept as written.
    static func numberText(_ text: String) -> String {
        guard let number = Double(text), number.isFinite else { return text }
        if number.rounded(.towardZero) == number, abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }
}
