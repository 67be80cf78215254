import Synchronization

/// The canonical text of each resource's attributes as last reconciled, by kind and provider id.
/// The upsert compares stored and observed attributes as canonical text, and a re-listing of a
/// mostly unchanged fleet would otherwise write that text again for every resource at every sync
/// (a tenth of a busy simulated year). Reused only when the attributes are equal to the ones it
/// was written from, so the text is always what `canonical` would write. A fast path like the
/// listing memo: a test holds every shipped scenario's ledgers equal without it.
public final class AttributeTextMemo: Sendable {
    private struct Entry: Sendable {
        var attributes: [String: JSONValue]
        var text: String
    }

    private let entries = Mutex<[ResourceKind: [String: Entry]]>([:])

    public init() {}

    func text(for observed: ObservedResource) -> String {
        entries.withLock { entries in
            if let cached = entries[observed.kind]?[observed.providerID], cached.attributes == observed.attributes { return cached.text }
            let text = JSONValue.object(observed.attributes).canonical
            entries[observed.kind, default: [:]][observed.providerID] = Entry(attributes: observed.attributes, text: text)
            return text
        }
    }
}
