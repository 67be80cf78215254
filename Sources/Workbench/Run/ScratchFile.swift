import Foundation

/// The file an output is written to before it takes its target's place: beside the target, so a
/// rename or link into place stays on one file system, and hidden (`.<name>.arcadia-partial`), so a
/// half-written one is never taken for the real thing.
enum ScratchFile {
    /// `.<name>.arcadia-partial`, or with `owner` (a process id) `.<name>.<owner>.arcadia-partial`.
    static func path(beside target: String, owner: Int32? = nil) -> String {
        let url = URL(fileURLWithPath: target)
        let name = [url.lastPathComponent, owner.map(String.init)].compactMap { $0 }.joined(separator: ".")
        return url.deletingLastPathComponent().appendingPathComponent(".\(name).arcadia-partial").path
    }

    /// Scratch files beside `target` whose process is gone (a killed run's), and the unowned name
    /// earlier builds used: what the next writer of the target removes.
    static func abandoned(beside target: String) -> [String] {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).", suffix = ".arcadia-partial"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { name in
            guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count >= prefix.count + suffix.count else { return false }
            let owner = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard let pid = Int32(owner) else { return false }
            return kill(pid, 0) != 0 && errno == ESRCH
        }.map { folder.appendingPathComponent($0).path }
        + (FileManager.default.fileExists(atPath: path(beside: target)) ? [path(beside: target)] : [])
    }

    /// Writes `text` beside `target`, creating the folder, and returns the scratch file's path; on
    /// failure, the reason in words (the system's, not a Foundation error dump). The scratch file
    /// is this process's own (its id in the name) and made new (`O_EXCL`), so two processes
    /// writing one target never share it, and a link planted at its name is never followed.
    static func write(_ text: String, beside target: String) -> Result<String, Failure> {
        let scratch = path(beside: target, owner: getpid())
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: target).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: scratch), options: .withoutOverwriting)
            return .success(scratch)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            return .failure(Failure(reason: "cannot write it: \(underlying?.localizedDescription ?? error.localizedDescription)"))
        }
    }

    struct Failure: Error {
        var reason: String
    }
}
