import Foundation

/// PyPI's check-jsonschema (`scripts/setup` installs it): a real validator, run as a process.
public enum CheckJSONSchema {
    /// Runs `python3 -m check_jsonschema` with `arguments`; its exit status and output.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "check_jsonschema"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
