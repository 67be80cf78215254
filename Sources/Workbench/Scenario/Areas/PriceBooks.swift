import ArcadiaCore
import Foundation
import Yams

// `pricebooks:`: the spec and its YAML (the book format itself is `PriceBookParser`).

/// A price book a scenario brings: from a file or written inline.
public struct PriceBookSpec: Sendable, Equatable {
    public var book: PriceBook
    /// The path as the scenario wrote it (relative to the scenario file), or `inline`; stored in
    /// `price_books.source`.
    public var source: String
    public var location: ScenarioLocation?

    public init(book: PriceBook, source: String, location: ScenarioLocation? = nil) {
        self.book = book
        self.source = source
        self.location = location
    }
}

/// The scenario's `pricebooks:` list: each item a path to a price book file, relative to the
/// scenario file, or a book written inline. Errors inside a referenced file point into that file.
extension YAMLNodeReader {
    func priceBooks(_ field: YAMLField) throws(ScenarioError) -> [PriceBookSpec] {
        var specs: [PriceBookSpec] = []
        for item in try list(field) {
            let spec: PriceBookSpec
            if case .mapping = item.node {
                spec = PriceBookSpec(book: try priceBook(item), source: "inline", location: location(of: item.node))
            } else {
                let path = try nonEmptyString(item)
                let resolved = Self.resolve(path, besides: file)
                if let refusal = confinement.refusal(of: path, resolved: resolved, scenarioFile: file) { throw error(item, refusal) }
                guard FileManager.default.fileExists(atPath: resolved) else {
                    throw error(item, "no price book file at '\(resolved)' (paths are relative to the scenario file)")
                }
                spec = PriceBookSpec(book: try PriceBookParser.load(path: resolved), source: path, location: location(of: item.node))
            }
            let date = spec.book.effectiveFrom.isoDate
            if let index = specs.firstIndex(where: { $0.book.effectiveFrom == spec.book.effectiveFrom }) {
                throw error(item, "price book '\(spec.book.name)' is effective from \(date), as is \(field.path)[\(index)] "
                                + "('\(specs[index].book.name)'); one book prices a period, so effective dates must differ")
            }
            specs.append(spec)
        }
        return specs
    }

    /// `path` relative to the folder of `file` (absolute paths stay as they are), with `.` and
    /// `..` resolved textually, so errors name the file plainly: `pricebooks/standard-2026.yaml`,
    /// not `scenarios/../pricebooks/standard-2026.yaml`.
    static func resolve(_ path: String, besides file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        let joined = path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !joined.hasPrefix("/") { parts.append(part) }
            default: parts.append(part)
            }
        }
        return (joined.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
