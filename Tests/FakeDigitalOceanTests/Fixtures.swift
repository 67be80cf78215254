import Foundation

/// The verbatim DO API examples in `shared/reference/digitalocean/`, found by walking up from this
/// file so the tests work both in the project (`<root>/../shared`) and in any checkout beside it.
enum Fixture {
    static func data(_ name: String, filePath: String = #filePath) throws -> Data {
        try Data(contentsOf: directory(filePath: filePath).appendingPathComponent(name))
    }

    static func directory(filePath: String = #filePath) throws -> URL {
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while dir.path != "/" {
            for candidate in ["shared/reference/digitalocean", "../shared/reference/digitalocean"] {
                let url = dir.appendingPathComponent(candidate).standardizedFileURL
                if FileManager.default.fileExists(atPath: url.path) { return url }
            }
            dir = dir.deletingLastPathComponent()
        }
        throw FixtureMissing(from: filePath)
    }

    struct FixtureMissing: Error, CustomStringConvertible {
        var from: String
        var description: String { "shared/reference/digitalocean not found above \(from)" }
    }
}
