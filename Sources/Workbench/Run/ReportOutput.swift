import Foundation

/// A report file (`run --html`, `run --junit`, `junit merge --output`), written so that nothing
/// that was there is lost: the report goes to a scratch file beside the target
/// (`.<name>.<pid>.arcadia-partial`) and is renamed into place, so a reader sees the old report or the
/// new one, never half of one. Only a report of the same kind is ever replaced; a folder or any
/// other file is refused when the output is made, before anything runs.
public struct ReportOutput: Sendable {
    public enum Kind: Sendable {
        case html, junit

        var name: String {
            switch self {
            case .html: return "an arcadia HTML report"
            case .junit: return "a JUnit report"
            }
        }

        /// Whether an existing file is a report of this kind, so that it may be replaced.
        func recognises(_ path: String) -> Bool {
            guard let handle = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? handle.close() }
            switch self {
            case .html: return handle.readData(ofLength: 4096).range(of: ReportOutput.htmlMark) != nil
            case .junit: return (try? JUnitReport.read(handle.readDataToEndOfFile(), source: path)) != nil
            }
        }
    }

    /// What every HTML report carries in its head (`HTMLTemplates.page`).
    static let htmlMark = Data(#"<meta name="generator" content="arcadia">"#.utf8)

    public let target: String
    public let option: String

    public init(target: String, option: String, kind: Kind) throws(OutputRefusal) {
        self.target = target
        self.option = option
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw OutputRefusal(option: option, path: target, reason: "it is a folder; the report is one file (nothing was touched)")
        }
        guard kind.recognises(target) else {
            throw OutputRefusal(option: option, path: target, reason: "it exists and is not \(kind.name); only a report is ever replaced (nothing was touched)")
        }
    }

    /// Writes the report, creating its folder if needed.
    public func write(_ text: String) throws(OutputRefusal) {
        let scratch: String
        switch ScratchFile.write(text, beside: target) {
        case .success(let path): scratch = path
        case .failure(let failure): throw OutputRefusal(option: option, path: target, reason: failure.reason)
        }
        guard rename(scratch, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: scratch)
            throw OutputRefusal(option: option, path: target, reason: "cannot move the report into place: \(reason)")
        }
    }
}
