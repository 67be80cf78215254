/// Why an invoice line is tied to no inventory resource. Each reason is a sentence a finance
/// engineer can act on, and `text` is what the ledger stores in `unmatched_reason`.
public enum UnmatchedReason: Sendable, Equatable {
    /// A tax line bills the account, not a resource.
    case tax
    /// The Spaces subscription is one charge for the account, however many buckets exist.
    case accountLevelSubscription
    /// No resource of that name was ever inventoried and the line shows it lived too briefly
    /// (or too early) for any sync to have seen it. `MatchPolicy` holds the exact rule.
    case destroyedBeforeFirstSync
    /// Nothing of that kind and name in the inventory, though a sync should have seen it.
    case noSuchResource(name: String, kind: ResourceKind)
    /// A product the kind table does not know: kept and reported so the table can grow.
    case unknownProduct(String)

    public var text: String {
        switch self {
        case .tax: "tax"
        case .accountLevelSubscription: "account-level subscription"
        case .destroyedBeforeFirstSync: "destroyed before the first sync saw it"
        case .noSuchResource(let name, let kind): "no resource named '\(name)' of kind \(kind)"
        case .unknownProduct(let product): "product '\(product)' is not an inventoried kind"
        }
    }
}
