import Testing
@testable import ArcadiaCore

/// The memo must hand back exactly what `canonical` writes for the attributes observed now, never
/// the text of an earlier observation with different attributes or of another kind.
struct AttributeTextMemoTests {
    func observed(_ kind: ResourceKind, _ id: String, _ attributes: [String: JSONValue]) -> ObservedResource {
        ObservedResource(kind: kind, providerID: id, name: "r\(id)", status: "active", attributes: attributes)
    }

    @Test func theTextIsAlwaysTheCanonicalTextOfTheAttributesObservedNow() {
        let memo = AttributeTextMemo()
        let first: [String: JSONValue] = ["tags": .array([.string("web")]), "vcpus": .int(1), "image": .string("ubuntu")]
        var changed = first
        changed["vcpus"] = .int(2)
        var widened = first
        widened["vcpus"] = .number("1.5")
        for attributes in [first, first, changed, first, widened, [:], first] {
            #expect(memo.text(for: observed(.droplet, "7", attributes)) == JSONValue.object(attributes).canonical)
        }
        // The same provider id in another kind is another resource.
        #expect(memo.text(for: observed(.volume, "7", changed)) == JSONValue.object(changed).canonical)
        #expect(memo.text(for: observed(.droplet, "7", first)) == JSONValue.object(first).canonical)
    }
}
