import CLibXML2
import Foundation

/// The few libxml2 calls the reports share: initialising the library, reading a document without
/// network access or entity expansion, and collecting what it reports into a `ProblemLog`.
enum LibXML2 {
    /// `xmlInitParser` is idempotent and must run before libxml2 is used from several threads.
    static func initialize() { xmlInitParser() }

    /// libxml2's structured-error callback: appends each error to the `ProblemLog` it was given.
    static let collect: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let log = userData.assumingMemoryBound(to: ProblemLog.self)
        let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines)
        log.pointee.problems.append(JUnitSchema.Problem(line: Int(error.pointee.line), message: message ?? "unknown libxml2 error"))
    }

    /// Parses `data`; errors go to `log` (libxml2 keeps its error handler per thread). Never
    /// fetches anything from the network and never expands external entities.
    static func read(_ data: Data, log: UnsafeMutablePointer<ProblemLog>) -> xmlDocPtr? {
        initialize()
        xmlSetStructuredErrorFunc(log, collect)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return data.withUnsafeBytes { bytes in
            xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), "report.xml", nil,
                          Int32(XML_PARSE_NONET.rawValue))
        }
    }
}

/// Where libxml2's error callbacks put what they report.
struct ProblemLog {
    var problems: [JUnitSchema.Problem] = []
}
