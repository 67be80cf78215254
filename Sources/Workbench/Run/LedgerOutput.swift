import ArcadiaCore
import Foundation

/// A ledger file a run keeps (`--db`), written so that nothing that was there is lost: the run
/// writes this process's own scratch file beside the target (`.<name>.<pid>.arcadia-partial`) and,
/// once it completed, links it into place, or copies it into an existing ledger through SQLite's
/// backup API (so a process reading that ledger is never pulled from under). Only a file that is an
/// arcadia ledger is ever replaced; a folder or any other file is refused. A run that fails
/// removes its scratch file; one killed leaves it, and the next run beside it removes it.
public struct LedgerOutput: Sendable {
    public struct Refusal: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "refusing --db \(path): \(reason)" }
    }

    public let target: String

    /// Checks the target before anything runs.
    public init(target: String) throws(Refusal) {
        self.target = target
        try Self.check(target)
    }

    /// A target that exists must be a ledger file.
    static func check(_ target: String) throws(Refusal) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw Refusal(path: target, reason: "it is a folder; a ledger for one scenario is a file (nothing was touched)")
        }
        guard Ledger.isLedgerFile(atPath: target) else {
            throw Refusal(path: target, reason: "it exists and is not an arcadia ledger; only a ledger is ever replaced (nothing was touched)")
        }
    }

    /// Where this process writes, beside the target: its own, so two runs keeping one target never
    /// write each other's file.
    public var scratch: String { ScratchFile.path(beside: target, owner: getpid()) }

    /// Creates the target's folder and removes scratch files beside it that no running process
    /// owns (a killed run's); returns this process's scratch path.
    public func prepare() throws -> String {
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: target).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        // Best effort: another run beside the target may be removing the same leftover, and one a
        // process of another user left may not be ours to remove; neither stops this run.
        for leftover in ScratchFile.abandoned(beside: target) {
            for suffix in ["", "-journal"] { try? FileManager.default.removeItem(atPath: leftover + suffix) }
        }
        for suffix in ["", "-journal"] where FileManager.default.fileExists(atPath: scratch + suffix) {
            try FileManager.default.removeItem(atPath: scratch + suffix)
        }
        return scratch
    }

    /// Puts the finished ledger (opened on `scratch`) in place and closes it: linked when the target
    /// is missing (never over a file that appeared meanwhile), else copied into the ledger there.
    public func commit(_ ledger: Ledger) throws {
        if !FileManager.default.fileExists(atPath: target) {
            try ledger.close()
            if try link() { return }
            // Another process made the target meanwhile: it is replaced as an existing ledger is.
            let reopened = try Ledger(path: scratch)
            try copy(reopened)
            return
        }
        try copy(ledger)
    }

    /// Links the closed scratch ledger to the missing target; false when the target exists. On a
    /// file system without hard links (FAT, some network shares) it is renamed into place instead,
    /// which cannot tell a file that appeared meanwhile, as every output did before links.
    func link() throws -> Bool {
        var linked = Foundation.link(scratch, target) == 0
        var failure = linked ? 0 : errno
        if !linked, [EPERM, ENOTSUP, EOPNOTSUPP].contains(failure) {
            if FileManager.default.fileExists(atPath: target) {
                failure = EEXIST
            } else if rename(scratch, target) == 0 {
                linked = true
            } else {
                failure = errno
            }
        }
        if linked {
            discard()
            return true
        }
        guard failure == EEXIST else {
            discard()
            throw Refusal(path: target, reason: "cannot put the finished ledger in place: \(String(cString: strerror(failure)))")
        }
        return false
    }

    private func copy(_ ledger: Ledger) throws {
        defer { discard() }
        do {
            try Self.check(target)
        } catch {
            try? ledger.close()
            throw error
        }
        try ledger.copy(intoFileAt: target)
        try ledger.close()
    }

    /// Removes this process's scratch file: after a run that failed, the target stays as it was
    /// and nothing is left beside it.
    public func discard() {
        for suffix in ["", "-journal"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
    }
}
