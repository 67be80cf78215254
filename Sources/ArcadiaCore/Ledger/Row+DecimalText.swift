import Foundation
import GRDB

extension Row {
    /// A quantity, unit price or rate column, which holds `DecimalText`. GRDB's own `Decimal`
    /// conversion would read `12abc` as 12; this refuses anything `DecimalText.parse` refuses.
    func decodeDecimalText(_ column: some ColumnExpression) throws -> Decimal {
        let text: String = try decode(forColumn: column)
        guard let value = DecimalText.parse(text) else { throw LedgerValueError(column: column.name, value: text) }
        return value
    }

    func decodeDecimalTextIfPresent(_ column: some ColumnExpression) throws -> Decimal? {
        guard let text: String = try decode(forColumn: column) else { return nil }
        guard let value = DecimalText.parse(text) else { throw LedgerValueError(column: column.name, value: text) }
        return value
    }
}

/// A stored value that is not what the ledger writes in its column (the ledger was edited by hand
/// or written by something else): reported, never a crash.
public struct LedgerValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var column: String
    public var value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }

    public var description: String { "\(column) holds '\(value)', which is not what the ledger writes there" }
}
