/// One ledger in canonical text: what a run produced and what a golden holds.
public struct LedgerFile: Sendable, Equatable {
    /// File name inside `goldens/<scenario>/`, e.g. `inventory.tsv`.
    public var name: String
    public var content: String
    public init(name: String, content: String) {
        self.name = name
        self.content = content
    }
}
