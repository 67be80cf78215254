import Foundation

/// Validates a file against `shared/reference/junit-10.xsd` with the real xmllint, so a JUnit
/// report is checked by the same tool CI uses rather than by a hand-written imitation.
public enum XMLLint {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func validateJUnit(at path: String, filePath: String = #filePath) throws {
        let xmllint = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: xmllint) else {
            throw Failure(description: "xmllint is not installed (apt-get install libxml2-utils; .ci/run does)")
        }
        let schema = RepoPaths.sharedReference(filePath: filePath).appendingPathComponent("junit-10.xsd").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--schema", schema, path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "xmllint rejected \(path):\n\(output)")
        }
    }
}
