import Foundation
import GRDB

extension Ledger {
    /// Runs `body` on the file at `path` opened read-only, so its bytes never change.
    ///
    /// A file a killed writer left with a hot journal cannot be read that way: SQLite must first
    /// roll the journal back, which needs write access, and answers SQLITE_READONLY (every read-only
    /// command then took a ledger after a killed `sync` for "not an arcadia ledger"). Such a file is
    /// read from a private copy of it and its journal, rolled back there; the file itself is left
    /// for its next writer to recover, as SQLite does.
    static func readingOnly<T>(_ path: String, _ body: (DatabaseQueue) throws -> T) throws -> T {
        _ = SQLiteProcessTuning.applied
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Ledger.busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try body(queue)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY && FileManager.default.fileExists(atPath: path + "-journal") {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arcadia-recovered-\(getpid())-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let copy = folder.appendingPathComponent("ledger.sqlite").path
            try FileManager.default.copyItem(atPath: path + "-journal", toPath: copy + "-journal")
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let queue = try DatabaseQueue(path: copy)
            defer { try? queue.close() }
            return try body(queue)
        }
    }
}
