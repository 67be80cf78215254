import ArcadiaCore
import Foundation
import Testing
import TestSupport
import Workbench

/// The committed bad-input corpus (`Tests/BadInput/`): scenarios, price books and invoice CSVs,
/// each malformed one way. `expected.tsv` holds, per file, the one error it must produce (its
/// location and message, paths relative to the corpus folder, `<repo>` for the repository). Every file must be listed and
/// every listed file must exist; each must fail with exactly its error: no crash (the process
/// would die), no hang (the time limit), no valid parse, no other message.
@Suite(.timeLimit(.minutes(2))) struct BadInputCorpusTests {
    static let root = RepoPaths.root().appendingPathComponent("Tests/BadInput")

    static func expected() throws -> [String: String] {
        let text = try String(contentsOf: root.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var rows: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            rows[String(parts[0])] = parts.count == 2 ? String(parts[1]) : ""
        }
        return rows
    }

    static func corpus() throws -> [String] {
        var files: [String] = []
        for (folder, suffix) in [("scenarios", ".yaml"), ("pricebooks", ".yaml"), ("csv", ".csv")] {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            files += names.filter { $0.hasSuffix(suffix) }.map { "\(folder)/\($0)" }
        }
        return files.sorted()
    }

    /// The file's error as the user sees it, with the corpus folder left out of paths; nil if it parsed.
    static func error(of file: String) -> String? {
        let path = root.appendingPathComponent(file).path
        do {
            if file.hasPrefix("scenarios/") {
                _ = try ScenarioParser.load(path: path)
            } else if file.hasPrefix("pricebooks/") {
                _ = try PriceBookParser.load(path: path)
            } else {
                _ = try InvoiceCSV.parse(data: try Data(contentsOf: URL(fileURLWithPath: path)), source: file)
            }
            return nil
        } catch {
            return "\(error)".replacingOccurrences(of: root.path + "/", with: "")
                .replacingOccurrences(of: RepoPaths.root().path, with: "<repo>")
        }
    }

    @Test func theCorpusHasAtLeastAHundredFilesEachListedOnce() throws {
        let files = try Self.corpus()
        #expect(files.count >= 100)
        #expect(Set(files) == Set(try Self.expected().keys))
    }

    @Test(arguments: try corpus())
    func eachFileFailsWithItsLocatedError(file: String) throws {
        let expected = try Self.expected()[file]
        let actual = Self.error(of: file)
        #expect(actual != nil, "\(file) parsed")
        #expect(actual == expected, "\(file)\t\(actual ?? "<parsed>")")
    }
}
