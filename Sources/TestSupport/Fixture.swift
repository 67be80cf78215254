import Foundation

/// The verbatim DO API examples in `shared/reference/digitalocean/`, beside the project.
public enum Fixture {
    public static func data(_ name: String, filePath: String = #filePath) throws -> Data {
        try Data(contentsOf: RepoPaths.sharedReference(filePath: filePath).appendingPathComponent("digitalocean/\(name)"))
    }
}
