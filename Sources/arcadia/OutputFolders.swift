import Foundation

/// Creates the folder a named output file goes into, so `--junit out/junit.xml` works on a fresh clone.
func createParentFolder(of path: String) throws {
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
}
