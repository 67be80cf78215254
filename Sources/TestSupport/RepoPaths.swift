import Foundation

/// Paths tests need, found by walking up from the calling test file, so tests run from any
/// working directory and any clone location.
public enum RepoPaths {
    /// The package root: the nearest folder above `filePath` holding `Package.swift`.
    public static func root(filePath: String = #filePath) -> URL {
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        fatalError("no Package.swift above \(filePath)")
    }

    /// `shared/reference` beside the project (CI clones the project next to `shared/`).
    public static func sharedReference(filePath: String = #filePath) -> URL {
        root(filePath: filePath).deletingLastPathComponent().appendingPathComponent("shared/reference").standardizedFileURL
    }

    /// A fresh, empty temporary folder for one test, inside the test process's own folder.
    public static func temporaryDirectory(_ label: String = "arcadia-test") throws -> URL {
        let url = processFolder.appendingPathComponent("\(label)-\(ProcessInfo.processInfo.globallyUniqueString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One folder per test process, removed when the process exits: a run of the suite used to
    /// leave a few thousand folders (ledgers, played scenarios, reports) in the system's.
    private static let processFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("arcadia-tests-\(getpid())")
        // A folder of this name was left by a process that died with this pid.
        try? FileManager.default.removeItem(at: url)
        atexit { try? FileManager.default.removeItem(at: RepoPaths.processFolder) }
        return url
    }()
}
