// Process-wide SQLite settings. `sqlite3_config` is variadic, which Swift cannot call, hence this shim.
#include <sqlite3.h>

// SQLite keeps allocation statistics by default, taking one process-wide mutex around every
// allocation: with two scenarios playing on two threads, each with its own ledger, that one lock is
// contended on every statement. Nothing reads the statistics. Must run before SQLite initialises
// (the first connection); afterwards it changes nothing and returns SQLITE_MISUSE.
static inline int arcadia_sqlite_disable_memstatus(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
