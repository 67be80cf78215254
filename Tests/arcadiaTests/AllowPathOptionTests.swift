import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import arcadia

/// The refusal of a price-book path outside a file's repository says "pass --allow-path"; every
/// command that reads a scenario or a tenants file takes it. `play` and `import tenants` did not:
/// they answered "Unknown option '--allow-path'", and a tenants file beside `pricebooks/` outside
/// a git checkout (docs/history.md's layout) could not be imported at all.
@Suite final class AllowPathOptionTests {
    let base: URL
    var books: URL { base.appendingPathComponent("pricebooks") }

    init() throws {
        base = try RepoPaths.temporaryDirectory("allow-path").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: books, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: base.appendingPathComponent("history"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepoPaths.root().appendingPathComponent("pricebooks/standard-2026.yaml"),
                                         to: books.appendingPathComponent("standard-2026.yaml"))
    }

    deinit {
        try? FileManager.default.removeItem(at: base)
    }

    func write(_ text: String, _ name: String) throws -> String {
        let path = base.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func playAndImportTenantsReadBooksFromAnAllowedFolder() async throws {
        let scenario = try write("""
            scenario: s
            seed: 1
            clock: {start: 2026-04-01T00:00:00Z, end: 2026-04-02T00:00:00Z}
            pricebooks: [../pricebooks/standard-2026.yaml]

            """, "history/s.yaml")
        let refused = try PlayCommand.parse([scenario])
        await #expect(throws: ExitCode(1)) { try await refused.run() }
        let allowed = try PlayCommand.parse([scenario, "--allow-path", books.path])
        try await allowed.run()

        let tenants = try write("pricebooks: [../pricebooks/standard-2026.yaml]\ntenants: [{code: acme, name: Acme, country: AU}]\n",
                                "history/tenants.yaml")
        let db = base.appendingPathComponent("history.sqlite").path
        #expect(throws: ExitCode(1)) { try ImportTenantsCommand.parse([tenants, "--db", db]).run() }
        let importing = try ImportTenantsCommand.parse([tenants, "--db", db, "--allow-path", books.path])
        try importing.run()
        #expect(FileManager.default.fileExists(atPath: db))
        for command in [["reprice", "--scenario", scenario, "--pricebook", "x.yaml", "--allow-path", books.path],
                        ["margin", "--scenario", scenario, "--allow-path", books.path],
                        ["fake-do", "serve", "--scenario", scenario, "--allow-path", books.path],
                        ["run", scenario, "--allow-path", books.path]] {
            #expect(throws: Never.self, "\(command)") { _ = try Arcadia.parseAsRoot(command) }
        }
    }
}
