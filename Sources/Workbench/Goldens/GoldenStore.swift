import ArcadiaCore
import Foundation

/// The golden files under `goldens/<scenario>/`: compared on every run, rewritten only on request.
public struct GoldenStore: Sendable {
    public var root: String

    public init(root: String) { self.root = root }

    /// How one ledger compared with its golden.
    public enum Comparison: Sendable, Equatable {
        case match(file: String)
        /// The unified diff from golden to produced.
        case mismatch(file: String, diff: String)
        /// The run produced a ledger that has no golden yet.
        case missingGolden(file: String)
        /// A golden that this scenario no longer produces.
        case unexpectedGolden(file: String)

        public var file: String {
            switch self {
            case .match(let file), .mismatch(let file, _), .missingGolden(let file), .unexpectedGolden(let file): return file
            }
        }

        public var passed: Bool { if case .match = self { return true } else { return false } }
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
            let label = "goldens/\(scenario)/\(file.name)"
            if let diff = UnifiedDiff.diff(old: golden, new: file.content, oldLabel: label, newLabel: label + " (this run)") {
                results.append(.mismatch(file: file.name, diff: diff))
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

    /// Rewrites the scenario's goldens to exactly `files` (removing goldens it no longer produces).
    /// Returns the names of files that changed.
    public func update(scenario: String, files: [LedgerFile]) throws -> [String] {
        let directory = directory(for: scenario)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var changed: [String] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            let data = Data(file.content.utf8)
            if FileManager.default.contents(atPath: path) != data {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
                changed.append(file.name)
            }
        }
        let produced = Set(files.map(\.name))
        for name in existingFiles(in: directory) where !produced.contains(name) {
            try FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
            changed.append(name)
        }
        try removeEmptyFolders(in: directory)
        return changed
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

    /// Sub-folders left empty once their last golden went (the scenario folder itself stays).
    private func removeEmptyFolders(in directory: String) throws {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            var isDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            try removeEmptyFolders(in: path)
            if (try FileManager.default.contentsOfDirectory(atPath: path)).isEmpty {
                try FileManager.default.removeItem(atPath: path)
            }
        }
    }
}
