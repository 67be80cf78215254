import Foundation

/// The `--html` report file, written so that nothing that was there is lost: the page goes to a
/// scratch file beside the target (`.<name>.arcadia-partial`) and is renamed into place, so a
/// reader sees the old report or the new one, never half of one. Only an arcadia report (a file
/// carrying its generator mark) is ever replaced; a folder or any other file is refused before
/// anything runs.
public struct HTMLReportOutput: Sendable {
    public struct Refusal: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "refusing --html \(path): \(reason)" }
    }

    /// What every report carries in its head (`HTMLTemplates.page`).
    static let mark = Data(#"<meta name="generator" content="arcadia">"#.utf8)

    public let target: String

    public init(target: String) throws(Refusal) {
        self.target = target
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw Refusal(path: target, reason: "it is a folder; the report is one file (nothing was touched)")
        }
        guard let head = FileHandle(forReadingAtPath: target).map({ handle in defer { try? handle.close() }; return handle.readData(ofLength: 4096) }),
              head.range(of: Self.mark) != nil else {
            throw Refusal(path: target, reason: "it exists and is not an arcadia HTML report; only a report is ever replaced (nothing was touched)")
        }
    }

    public var scratch: String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).arcadia-partial").path
    }

    public func write(_ html: String) throws(Refusal) {
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: target).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: URL(fileURLWithPath: scratch))
        } catch {
            throw Refusal(path: target, reason: "cannot write \(scratch): \(error.localizedDescription)")
        }
        guard rename(scratch, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: scratch)
            throw Refusal(path: target, reason: "cannot move the report into place: \(reason)")
        }
    }
}
