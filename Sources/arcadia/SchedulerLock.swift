import Foundation

/// One scheduler per ledger: `serve --schedule` holds an exclusive `flock` on a file beside the
/// ledger (`.<name>.arcadia-scheduler`) for as long as it runs. Two schedulers on one ledger each
/// ran every job, twice over in `job_runs`; a restart that overlaps the old process's shutdown
/// grace now waits for it. A separate file, not the ledger: SQLite's own locks stay untouched
/// (where `flock` is emulated with `fcntl`, on NFS, a lock on the ledger would block its readers).
/// The ledger's path is resolved first, so a symbolic link names the same lock; a hard link under
/// another name does not.
struct SchedulerLock {
    private let descriptor: Int32

    /// Takes the lock, waiting (with one line saying so) while another process holds it.
    static func acquire(beside ledger: String, waiting: (String) -> Void) async throws(InputError) -> SchedulerLock {
        // Beside the file itself: a ledger named through a symbolic link is the same ledger.
        let url = URL(fileURLWithPath: ledger).resolvingSymlinksInPath()
        let path = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).arcadia-scheduler").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw InputError("--db \(ledger): cannot open \(path) to lock the scheduler: \(String(cString: strerror(errno)))") }
        var said = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(descriptor)
                throw InputError("--db \(ledger): cannot lock \(path): \(String(cString: strerror(errno)))")
            }
            if !said {
                waiting("waiting: another arcadia serve --schedule runs on \(ledger); this one starts (API and jobs) when that one stops")
                said = true
            }
            try? await Task.sleep(for: .seconds(1))
        }
        return SchedulerLock(descriptor: descriptor)
    }

    /// Lets the next scheduler in (the process's exit does too).
    func release() {
        close(descriptor)
    }
}
