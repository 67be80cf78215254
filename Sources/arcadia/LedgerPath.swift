import ArcadiaCore
import Foundation

/// `--db` of a command that writes the ledger in place (`sync`, `serve`): a folder, or a file that
/// is not an arcadia ledger (another application's SQLite database), is refused and left untouched,
/// and SQLite's own errors name the file.
enum LedgerPath {
    static func check(_ path: String) throws(InputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw InputError("--db \(path): it is a folder; name the ledger file") }
            guard Ledger.isLedgerFile(atPath: path) else {
                throw InputError("--db \(path): not an arcadia ledger (no ledger migrations in it); it was left untouched")
            }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            throw InputError("--db \(path): there is no folder \(folder) to create the ledger in")
        }
    }

    /// Opens a `check`ed path; a newer build's ledger is refused by name, SQLite's errors name it too.
    static func open(_ path: String, shared: Bool = false) throws(InputError) -> Ledger {
        do {
            return try Ledger(path: path, shared: shared)
        } catch let error as LedgerFileError {
            throw InputError("--db \(error)")
        } catch {
            throw InputError("--db \(path): \(error)")
        }
    }
}
