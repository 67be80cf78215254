import ArgumentParser
import Foundation
import Testing
import TestSupport
import Workbench
import WorkbenchTestSupport
@testable import arcadia

/// The HTML report of a failing run, opened in a real browser: Debian's chromium, headless (which
/// `scripts/setup` installs). It must render (a screenshot of the expected size that is not
/// blank), parse into the expected document, and log nothing to the console.
@Suite struct HTMLReportBrowserTests {
    /// Runs chromium headless on `arguments` plus the page; its stdout and its console lines.
    func chromium(_ arguments: [String], page: String) throws -> (output: String, console: [String]) {
        // The browser's profile and log, removed with the folder once it has exited.
        let scratch = try RepoPaths.temporaryDirectory("chromium")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // --no-sandbox: the suite may run as root, where chromium refuses its sandbox.
        process.arguments = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                             "--user-data-dir=\(scratch.appendingPathComponent("profile").path)"]
            + arguments + [URL(fileURLWithPath: page).absoluteString]
        // stderr goes to a file, so a chatty browser cannot fill a pipe nobody reads while stdout is read.
        let log = scratch.appendingPathComponent("chromium.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let stdoutText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium exited \(process.terminationStatus) (is it installed? run scripts/setup)")
        let console = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return (stdoutText, console)
    }

    @Test func aFailingRunsReportRendersInHeadlessChromium() async throws {
        let fixture = try MixedRunFixture()
        let report = fixture.root.appendingPathComponent("out/report.html").path
        let command = try RunCommand.parse([fixture.scenarios, "--goldens", fixture.goldens, "--html", report, "--jobs", "2"])
        await #expect(throws: ExitCode(1)) { try await command.run() }

        let dom = try chromium(["--dump-dom"], page: report)
        #expect(dom.console.isEmpty, "\(dom.console)")
        for text in ["<h1>arcadia run</h1>", "<caption>Summary</caption>", "reserved-ips", "inventory.tsv differs from its golden",
                     "<ins>s-1vcpu-1gb</ins>", "goldens/retired/ belongs to no scenario that ran"] {
            #expect(dom.output.contains(text), "the browser's document holds \(text)")
        }
        #expect(dom.output.components(separatedBy: "<svg ").count - 1 >= 3, "the charts parsed as SVG")

        let screenshot = fixture.root.appendingPathComponent("out/report.png").path
        let shot = try chromium(["--screenshot=\(screenshot)", "--window-size=1280,1600", "--hide-scrollbars"], page: report)
        #expect(shot.console.isEmpty, "\(shot.console)")
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG")
        // IHDR: width and height, big-endian, at bytes 16…23.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1280 && height == 1600)
        #expect(png.count > 40_000, "a rendered page, not a blank one (\(png.count) bytes)")
    }
}
