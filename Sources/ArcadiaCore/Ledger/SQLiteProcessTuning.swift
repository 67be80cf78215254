import CSQLiteTuning

/// SQLite's process-wide settings, applied once before this process opens its first connection
/// (every way the ledger code opens a file goes through `applied` first). Today: no allocation
/// statistics, whose one global mutex two ledgers on two threads would contend for on every
/// statement (see the shim).
enum SQLiteProcessTuning {
    static let applied: Void = { _ = arcadia_sqlite_disable_memstatus() }()
}
