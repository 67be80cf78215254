import Foundation

/// Where the files a scenario names (its price books) may be read from: inside the scenario's
/// repository — the nearest folder above the scenario file that holds `.git`, or the scenario's
/// own folder when there is none — and inside any folder the user allowed (`--allow-path`).
///
/// A scenario is input that CI may take from anyone; without this, `pricebooks: [/etc/shadow]`
/// would read any file the runner can. Paths are compared after `..` and symbolic links are
/// resolved, so neither can lead outside.
public struct FileConfinement: Sendable, Equatable {
    /// Folders outside the repository that paths may lead into, as the user gave them.
    public var allowedFolders: [String]

    public init(allowedFolders: [String] = []) {
        self.allowedFolders = allowedFolders
    }

    /// Why `resolved` (a path the scenario wrote as `written`) may not be read, or nil if it may.
    func refusal(of written: String, resolved: String, scenarioFile: String) -> String? {
        let target = Self.real(resolved)
        let allowed = allowedFolders.map(Self.real)
        if allowed.contains(where: { Self.isInside(target, $0) }) { return nil }
        let allow = "pass --allow-path <folder> to read books from another folder"
        if written.hasPrefix("/") {
            return "'\(written)' is an absolute path; price book paths are relative to the scenario file and stay inside its repository (\(allow))"
        }
        let root = Self.repositoryRoot(of: scenarioFile)
        guard Self.isInside(target, Self.real(root)) else {
            return "'\(written)' leads outside the scenario's repository (\(root)); \(allow)"
        }
        return nil
    }

    /// The nearest folder at or above the scenario's folder holding `.git` (a folder, or a file in
    /// a worktree); the scenario's folder when none does.
    static func repositoryRoot(of scenarioFile: String) -> String {
        let start = URL(fileURLWithPath: scenarioFile).deletingLastPathComponent().standardizedFileURL.path
        var folder = start
        while true {
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(".git")) { return folder }
            let parent = (folder as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != folder else { return start }
            folder = parent
        }
    }

    /// The path with symbolic links resolved as far as it exists (the rest kept as written).
    private static func real(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
