import ArcadiaCore
import Foundation

/// The golden files under `goldens/<scenario>/`: compared on every run, rewritten only on request.
public struct GoldenStore: Sendable {
    public var root: String
    /// Whether entries of a folder can be deleted or renamed (write permission on it), asked of
    /// every folder of a golden folder before it is replaced. A value so that a test, which runs
    /// as root and may delete anything, can stand in for a user whose goldens are read-only.
    var entriesDeletable: @Sendable (String) -> Bool = { FileManager.default.isWritableFile(atPath: $0) }

    public init(root: String) { self.root = root }

    /// How one ledger compared with its golden.
    public enum Comparison: Sendable, Equatable {
        case match(file: String)
        /// The golden and the run differ.
        case mismatch(Mismatch)
        /// The run produced a ledger that has no golden yet.
        case missingGolden(file: String)
        /// A golden that this scenario no longer produces.
        case unexpectedGolden(file: String)

        public var file: String {
            switch self {
            case .match(let file), .missingGolden(let file), .unexpectedGolden(let file): return file
            case .mismatch(let mismatch): return mismatch.file
            }
        }

        public var passed: Bool { if case .match = self { return true } else { return false } }
    }

    /// A ledger that differs from its golden: the cells that changed, for people, and the unified
    /// diff from golden to produced, the exact record.
    public struct Mismatch: Sendable, Equatable {
        public var file: String
        /// The golden's path, `goldens/<scenario>/<file>` under the goldens root.
        public var goldenPath: String
        public var cells: [CellDiff.Change]
        public var diff: String
        /// The golden's column names, when it is a table.
        public var columns: [String] = []

        /// The first changed cell as `path:line: what changed`, for a one-line message.
        public var headline: String {
            guard let first = cells.first else { return "\(goldenPath): differs from its golden" }
            let more = cells.count > 1 ? " (and \(cells.count - 1) more)" : ""
            return "\(goldenPath):\(first.line): \(first.summary)\(more)"
        }
    }

    public func directory(for scenario: String) -> String { (root as NSString).appendingPathComponent(scenario) }

    public func compare(scenario: String, files: [LedgerFile]) -> [Comparison] {
        let directory = directory(for: scenario)
        var results: [Comparison] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            guard let data = FileManager.default.contents(atPath: path) else {
                results.append(.missingGolden(file: file.name))
                continue
            }
            let golden = String(decoding: data, as: UTF8.self)
            let label = (directory as NSString).appendingPathComponent(file.name)
            if let diff = UnifiedDiff.diff(old: golden, new: file.content, oldLabel: label, newLabel: label + " (this run)") {
                results.append(.mismatch(Mismatch(file: file.name, goldenPath: path,
                                                  cells: CellDiff.changes(file: file.name, old: golden, new: file.content), diff: diff,
                                                  columns: CellDiff.header(file: file.name, text: golden))))
            } else {
                results.append(.match(file: file.name))
            }
        }
        let produced = Set(files.map(\.name))
        for name in existingFiles(in: directory) where !produced.contains(name) {
            results.append(.unexpectedGolden(file: name))
        }
        return results
    }

    /// Why goldens could not be rewritten, and what state that left.
    public struct WriteError: Error, CustomStringConvertible {
        public enum Left: Sendable, Equatable {
            /// Nothing was changed.
            case asTheyWere
            /// The new goldens are in place; the old folder, moved aside to this hidden name,
            /// could not be removed (the next update tries again).
            case oldBeside(String)
            /// An earlier update left its old folder beside the goldens and it cannot be removed;
            /// nothing was rewritten.
            case earlierLeftover(String)
        }

        public var path: String
        public var reason: String
        public var left: Left = .asTheyWere
        public var description: String {
            switch left {
            case .asTheyWere: "cannot rewrite \(path): \(reason) (the goldens there are as they were)"
            case .oldBeside(let old): "rewrote \(path), but cannot remove the old goldens moved to \(old): \(reason); delete that folder"
            case .earlierLeftover(let old):
                "cannot rewrite \(path): an earlier update left \(old) beside it, which cannot be removed (\(reason)); delete that folder "
                    + "(nothing was rewritten)"
            }
        }
    }

    /// What an update changed: goldens written anew or over a different one, and goldens removed
    /// because the scenario no longer produces them.
    public struct Update: Sendable, Equatable {
        public var rewritten: [String]
        public var removed: [String]
    }

    /// Rewrites the scenario's goldens to exactly `files` (removing goldens it no longer produces)
    /// and says which files changed. The folder is replaced whole or not at all:
    /// the new one is written beside it (`.<scenario>.arcadia-partial`), then swapped in by two
    /// renames; an update killed between them is finished or undone by the next one. Updates of
    /// one goldens root take turns, across processes (`exclusively`).
    public func update(scenario: String, files: [LedgerFile]) throws(WriteError) -> Update {
        try exclusively { () throws(WriteError) -> Update in try replace(scenario: scenario, files: files) }
    }

    /// `body` under an exclusive `flock` of the goldens root: two `--update-goldens` runs at once
    /// interleaved their renames of the same folders and left them with files missing. Where the
    /// file system cannot lock a folder (NFS and CIFS emulate `flock` with locks that need a file
    /// open for writing), the update goes on unlocked, as it always did there.
    private func exclusively<T>(_ body: () throws(WriteError) -> T) throws(WriteError) -> T {
        try attempt(root) { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WriteError(path: root, reason: "cannot open it to lock it: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            if [EBADF, ENOLCK, EOPNOTSUPP, EINVAL].contains(errno) { break }
            guard errno == EINTR else { throw WriteError(path: root, reason: "cannot lock it: \(String(cString: strerror(errno)))") }
        }
        return try body()
    }

    private func replace(scenario: String, files: [LedgerFile]) throws(WriteError) -> Update {
        let directory = directory(for: scenario)
        let partial = (root as NSString).appendingPathComponent(".\(scenario).arcadia-partial")
        let old = (root as NSString).appendingPathComponent(".\(scenario).arcadia-old")
        try recover(directory: directory, old: old)
        try attempt(directory) {
            if FileManager.default.fileExists(atPath: partial) { try FileManager.default.removeItem(atPath: partial) }
        }
        let produced = Set(files.map(\.name))
        let changed = Update(
            rewritten: files.filter { FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent($0.name)) != Data($0.content.utf8) }
                .map(\.name),
            removed: existingFiles(in: directory).filter { !produced.contains($0) })
        guard !changed.rewritten.isEmpty || !changed.removed.isEmpty else { return changed }
        try attempt(partial) {
            for file in files {
                let path = (partial as NSString).appendingPathComponent(file.name)
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.content.utf8).write(to: URL(fileURLWithPath: path))
            }
            // Hidden files are not goldens, but they are someone's: they move to the new folder.
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []) where name.hasPrefix(".") {
                try FileManager.default.copyItem(atPath: (directory as NSString).appendingPathComponent(name),
                                                 toPath: (partial as NSString).appendingPathComponent(name))
            }
        }
        let exists = FileManager.default.fileExists(atPath: directory)
        if exists { try refuseUndeletable(directory, partial: partial) }
        try attempt(directory) {
            if exists { try FileManager.default.moveItem(atPath: directory, toPath: old) }
            try FileManager.default.moveItem(atPath: partial, toPath: directory)
        }
        if exists { try attempt(directory, left: .oldBeside(old)) { try FileManager.default.removeItem(atPath: old) } }
        return changed
    }

    /// A golden folder (or one inside it) whose entries may not be deleted is refused before the
    /// swap: the old folder could not be removed after it, and a recursive removal would first
    /// delete what it could, so the goldens are left as they were and nothing is half done.
    private func refuseUndeletable(_ directory: String, partial: String) throws(WriteError) {
        var folders = [directory]
        while let folder = folders.popLast() {
            guard entriesDeletable(folder) else {
                try? FileManager.default.removeItem(atPath: partial)
                throw WriteError(path: directory, reason: "\(folder) is read-only")
            }
            // Real folders only: a symbolic link is removed as a link, whatever it points at.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = (folder as NSString).appendingPathComponent(name)
                if (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeDirectory { folders.append(path) }
            }
        }
    }

    /// After an update killed between its two renames: only the old folder left means the swap
    /// never happened (put it back); both left means it did (drop the old one).
    private func recover(directory: String, old: String) throws(WriteError) {
        guard FileManager.default.fileExists(atPath: old) else { return }
        if FileManager.default.fileExists(atPath: directory) {
            try attempt(directory, left: .earlierLeftover(old)) { try FileManager.default.removeItem(atPath: old) }
        } else {
            try attempt(directory) { try FileManager.default.moveItem(atPath: old, toPath: directory) }
        }
    }

    private func attempt(_ path: String, left: WriteError.Left = .asTheyWere, _ body: () throws -> Void) throws(WriteError) {
        do {
            try body()
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            throw WriteError(path: path, reason: underlying?.localizedDescription ?? error.localizedDescription, left: left)
        }
    }

    /// Golden folders that no scenario in `scenarios` produces.
    public func orphans(scenarios: Set<String>) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return entries.filter { name in
            var isDirectory: ObjCBool = false
            let path = (root as NSString).appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                && !scenarios.contains(name) && !name.hasPrefix(".")
        }.sorted()
    }

    /// Files under `directory` by their path relative to it (`tenant_invoices/acme-2026-04.txt`),
    /// at any depth; hidden files and folders are not goldens.
    private func existingFiles(in directory: String) -> [String] {
        var files: [String] = []
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            files += isDirectory.boolValue ? existingFiles(in: path).map { "\(name)/\($0)" } : [name]
        }
        return files
    }
}
