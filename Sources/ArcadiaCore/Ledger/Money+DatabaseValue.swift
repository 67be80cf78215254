import DigitalOcean
import GRDB
import MoneyAndTime

/// Money is INTEGER cents in every `_cents` column. Lives here because the DigitalOcean module
/// does not import GRDB.
extension Money: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { Int64(cents).databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Money? {
        guard case .int64(let cents) = dbValue.storage, let exact = Int(exactly: cents) else { return nil }
        return Money(cents: exact)
    }
}
