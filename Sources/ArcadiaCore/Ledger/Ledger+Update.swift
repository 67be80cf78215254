import GRDB

/// What an import needs (`arcadia import`): one write transaction that keeps the file as it was
/// unless the work changed something.
extension Ledger {
    /// Runs `work` in one write transaction, committed only when `changed` says its result changed
    /// the ledger: an import that finds everything already there rolls back, so the file stays byte
    /// for byte as it was (a commit would still bump SQLite's change counter).
    public func write<T>(committingOnlyIf changed: (T) -> Bool, _ work: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                let value = try work(db)
                result = value
                return changed(value) ? .commit : .rollback
            }
            return result!
        }
    }
}
