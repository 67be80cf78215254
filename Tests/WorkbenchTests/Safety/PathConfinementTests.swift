import Foundation
import Testing
import TestSupport
import Workbench

/// A scenario's price-book paths stay inside its repository unless the user allows a folder, and
/// no error quotes a file that is not a scenario or price book (the issue: `pricebooks:
/// [/etc/shadow]` printed the file's first line).
@Suite final class PathConfinementTests {
    let base: URL
    var repo: URL { base.appendingPathComponent("repo") }
    var outside: URL { base.appendingPathComponent("outside") }
    static let book = "name: b\neffective_from: 2026-01-01\nplans: [{code: a, name: A, base_price: 1.00}]\n"
    static let secret = "root:$6$SECRET-HASH:19000:0:99999:7:::\n"

    init() throws {
        base = try RepoPaths.temporaryDirectory("confinement").resolvingSymlinksInPath()
        let manager = FileManager.default
        for folder in ["repo/.git", "repo/scenarios", "repo/pricebooks", "outside"] {
            try manager.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Self.book.write(to: repo.appendingPathComponent("pricebooks/b.yaml"), atomically: true, encoding: .utf8)
        try Self.book.replacingOccurrences(of: "2026-01-01", with: "2026-02-01")
            .write(to: outside.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try Self.secret.write(to: repo.appendingPathComponent("shadow"), atomically: true, encoding: .utf8)
        try Self.secret.write(to: outside.appendingPathComponent("shadow"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(at: repo.appendingPathComponent("pricebooks/link.yaml"),
                                       withDestinationURL: outside.appendingPathComponent("b.yaml"))
    }

    deinit {
        try? FileManager.default.removeItem(at: base)
    }

    func load(_ pricebook: String, allowing folders: [String] = []) -> String? {
        let path = repo.appendingPathComponent("scenarios/s.yaml").path
        let yaml = "scenario: s\nseed: 1\nclock: {start: 2026-04-01, end: 2026-04-02}\npricebooks:\n  - \(pricebook)\n"
        do {
            try yaml.write(toFile: path, atomically: true, encoding: .utf8)
            _ = try ScenarioParser.load(path: path, confinement: FileConfinement(allowedFolders: folders))
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aPathInsideTheRepositoryIsRead() {
        #expect(load("../pricebooks/b.yaml") == nil)
    }

    @Test func absolutePathsAndEscapesAreRefusedUnlessAllowed() throws {
        let scenario = repo.appendingPathComponent("scenarios/s.yaml").path
        let absolute = outside.appendingPathComponent("b.yaml").path
        #expect(load(absolute) == "\(scenario):5:5: pricebooks[0]: '\(absolute)' is an absolute path; price book paths are relative to the "
                    + "scenario file and stay inside its repository (pass --allow-path <folder> to read books from another folder)")
        #expect(load("../../outside/b.yaml") == "\(scenario):5:5: pricebooks[0]: '../../outside/b.yaml' leads outside the scenario's "
                    + "repository (\(repo.path)); pass --allow-path <folder> to read books from another folder")
        #expect(load("../pricebooks/link.yaml")?.contains("'../pricebooks/link.yaml' leads outside the scenario's repository") == true)
        #expect(load("/etc/shadow")?.contains("is an absolute path") == true)
        // Allowed: the same paths are read.
        #expect(load(absolute, allowing: [outside.path]) == nil)
        #expect(load("../../outside/b.yaml", allowing: [outside.path]) == nil)
        #expect(load("../pricebooks/link.yaml", allowing: [outside.path]) == nil)
    }

    @Test func aFileThatIsNotAPriceBookIsRefusedWithoutQuotingIt() {
        let inside = load("../shadow")
        #expect(inside == "\(repo.path)/shadow:0:0: is not a price book: its top level is not a mapping with any of effective_from, plans "
                    + "(nothing of it is shown)")
        let allowed = load(outside.appendingPathComponent("shadow").path, allowing: [outside.path])
        #expect(allowed?.contains("is not a price book") == true)
        for message in [inside, allowed] { #expect(message?.contains("SECRET") == false) }
        #expect(throws: ScenarioError.self) { try PriceBookParser.load(path: outside.appendingPathComponent("shadow").path) }
    }

    @Test func aFileThatIsNotAScenarioIsRefusedWithoutQuotingIt() {
        let path = outside.appendingPathComponent("shadow").path
        #expect(throws: ScenarioError(location: ScenarioLocation(file: path, line: 0, column: 0), field: "",
                                      message: "is not a scenario: its top level is not a mapping with any of scenario, clock, world, timeline "
                                          + "(nothing of it is shown)")) {
            try ScenarioParser.load(path: path)
        }
    }
}

/// Outside any repository the scenario's own folder is the root: the search for `.git` stops at
/// `/` (it once walked up `/..` for ever).
@Suite struct RepositoryRootTests {
    @Test func withoutGitTheScenariosFolderIsTheRoot() throws {
        let folder = try RepoPaths.temporaryDirectory("no-git").resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.yaml").path
        try "scenario: s\nseed: 1\nclock: {start: 2026-04-01, end: 2026-04-02}\npricebooks: [../b.yaml]\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ScenarioError.self) { try ScenarioParser.load(path: path) }
        do {
            _ = try ScenarioParser.load(path: path)
        } catch {
            #expect(error.message == "'../b.yaml' leads outside the scenario's repository (\(folder.path)); pass --allow-path <folder> to read books from another folder")
        }
    }
}
