import GRDB

/// A `period` column: `YYYY-MM` text, exactly `BillingPeriod.description`.
extension BillingPeriod: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> BillingPeriod? {
        guard case .string(let text) = dbValue.storage else { return nil }
        return BillingPeriod(text)
    }
}
