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
        var attempts = 0
        while true {
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                defer { try? queue.close() }
                return try body(queue)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
                attempts += 1
                guard attempts < 3 else { throw error }
                // No journal, or one a writer recovered meanwhile: the file is tried again as it is.
                guard let copy = try recoveredCopy(of: path) else { continue }
                defer { try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent) }
                let queue = try DatabaseQueue(path: copy)
                defer { try? queue.close() }
                return try body(queue)
            }
        }
    }

    /// The file and its hot journal copied to a private folder, or nil when the journal went (or
    /// changed) while they were copied: a writer recovered the file meanwhile, and it can be read
    /// as it is. The file is copied first, so a journal copied after it is never older than it.
    private static func recoveredCopy(of path: String) throws -> String? {
        let journal = path + "-journal"
        guard let before = try? FileManager.default.attributesOfItem(atPath: journal) else { return nil }
        // A new private folder: mkdtemp makes its name unique, with no id of ours.
        var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("arcadia-recovered-XXXXXX").path.utf8CString)
        guard mkdtemp(&template) != nil else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let folder = URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        let copy = folder.appendingPathComponent("ledger.sqlite").path
        do {
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            try FileManager.default.copyItem(atPath: journal, toPath: copy + "-journal")
        } catch {
            try? FileManager.default.removeItem(at: folder)
            guard FileManager.default.fileExists(atPath: journal) else { return nil }
            throw error
        }
        let after = try? FileManager.default.attributesOfItem(atPath: journal)
        guard let after, after[.size] as? Int == before[.size] as? Int, after[.modificationDate] as? Date == before[.modificationDate] as? Date,
              after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int else {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
        return copy
    }
}
