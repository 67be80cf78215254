/// A time column that does not hold a ledger time (the ledger was written by something else).
struct LedgerTimeError: Error, CustomStringConvertible {
    var text: String
    var description: String { "'\(text)' in the ledger is not a time" }
}
