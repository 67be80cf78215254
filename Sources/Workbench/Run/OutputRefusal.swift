/// Why an output file (`--out`, `--html`, `--junit`, `-o`) was not written: the option, the path,
/// and the reason, which says whether anything there was touched (never, when refused up front).
public struct OutputRefusal: Error, CustomStringConvertible {
    public var option: String
    public var path: String
    public var reason: String
    public var description: String { "refusing \(option) \(path): \(reason)" }
}
