import GRDB

/// `usage_records.quantity`: the canonical decimal text, so equal quantities are equal strings.
extension UsageQuantity: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { canonical.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> UsageQuantity? {
        guard case .string(let text) = dbValue.storage else { return nil }
        return UsageQuantity(text)
    }
}
