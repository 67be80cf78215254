import Foundation

/// A file that must not exist yet (`capture --out`). A folder or any existing file at the path is
/// refused before anything runs, with nothing touched: a scenario kept as a regression test, or
/// the very ledger being read, is never replaced. The text is written beside the target
/// (`.<name>.<pid>.arcadia-partial`) and hard-linked into place, so the file appears whole, and one
/// created meanwhile by someone else is not overwritten either (the link fails on it).
public struct NewFileOutput: Sendable {
    public let target: String
    public let option: String

    public init(target: String, option: String) throws(OutputRefusal) {
        self.target = target
        self.option = option
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        throw OutputRefusal(option: option, path: target, reason: isDirectory.boolValue
            ? "it is a folder; name the file to write (nothing was touched)"
            : "it exists, and \(option) never replaces a file (nothing was touched); name a new file or remove that one")
    }

    /// The file's name without its folder and extension (`scenarios/acme-april.yaml` → `acme-april`).
    public var stem: String { URL(fileURLWithPath: target).deletingPathExtension().lastPathComponent }

    /// Writes `text` as the new file, creating its folder if needed.
    public func write(_ text: String) throws(OutputRefusal) {
        let scratch: String
        switch ScratchFile.write(text, beside: target) {
        case .success(let path): scratch = path
        case .failure(let failure): throw OutputRefusal(option: option, path: target, reason: failure.reason)
        }
        defer { unlink(scratch) }
        guard link(scratch, target) == 0 else {
            let reason = errno == EEXIST ? "a file appeared there while it was being written; it was left alone" : String(cString: strerror(errno))
            throw OutputRefusal(option: option, path: target, reason: reason)
        }
    }
}
