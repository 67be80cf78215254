import Foundation

/// `arcadia fuzz --parser`: mutates shipped scenario files, by bytes (flip, delete, duplicate,
/// insert a YAML-significant token) and by YAML structure (delete, duplicate, swap or re-indent a
/// line, replace a value), and parses each mutant. Every mutant must either parse or fail with a
/// `ScenarioError` that points at a line (`file:line:column`), within `timeLimit`; a crash ends the
/// process, which is the finding. The same seed gives the same mutants.
public struct ParserFuzzer: Sendable {
    public struct Report: Sendable, Equatable {
        public var mutants = 0
        public var parsed = 0
        public var locatedErrors = 0
        /// Mutants that broke a rule: `file (mutant n, how): what went wrong`.
        public var problems: [String] = []
        public var slowestSeconds = 0.0
    }

    /// Tokens that mean something to YAML or to our bounds.
    static let tokens = [":", "- ", "&a ", "*a", "{", "}", "[", "]", "\t", "\0", "\u{FEFF}", "'", "\"", "#", "|", ">", "!!str ", "? ",
                         "<<: *a", "99999999999999999999", "-1", "0x1F", "1e400", "~", "null", "2026-02-30T00:00:00Z", "\u{1B}[31m", "…"]
    static let values = ["", "~", "[]", "{}", "*a", "&a x", "-5", "0", "92233720368547758.07", "9999-12-31T00:00:00Z", "\"\\u0000\"",
                         "[1, [2, [3]]]", "true", "1.5", "x" + String(repeating: "y", count: 300)]

    public var seed: UInt64
    public var timeLimit: Double

    public init(seed: UInt64 = 1, timeLimit: Double = 2) {
        self.seed = seed
        self.timeLimit = timeLimit
    }

    /// `mutantsPerFile` mutants of each file (paths as given, so price books resolve beside them).
    public func run(files: [String], mutantsPerFile: Int) -> Report {
        var report = Report()
        var random = SplitMix64(seed: seed)
        for file in files {
            guard let original = FileManager.default.contents(atPath: file) else {
                report.problems.append("\(file): cannot be read")
                continue
            }
            for index in 0..<mutantsPerFile {
                let (bytes, how) = Self.mutate(Array(original), &random)
                let text = String(decoding: bytes, as: UTF8.self)
                let started = ContinuousClock.now
                var outcome: String?
                do {
                    _ = try ScenarioParser.parse(yaml: text, file: file)
                    report.parsed += 1
                } catch {
                    if error.location.line >= 1 { report.locatedErrors += 1 } else { outcome = "error without a line: \(error)" }
                }
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                report.slowestSeconds = max(report.slowestSeconds, seconds)
                if seconds > timeLimit { outcome = (outcome.map { $0 + "; " } ?? "") + "took \(seconds) s" }
                report.mutants += 1
                if let outcome { report.problems.append("\(file) (mutant \(index), \(how)): \(outcome)") }
            }
        }
        return report
    }

    /// One mutation of `bytes`, and what it was.
    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> ([UInt8], String) {
        var bytes = bytes
        guard !bytes.isEmpty else { return (Array(random.pick(tokens).utf8), "replaced the empty file") }
        let at = random.below(bytes.count)
        switch random.below(9) {
        case 0:
            bytes[at] ^= UInt8(1 << random.below(8))
            return (bytes, "flipped a bit of byte \(at)")
        case 1:
            let length = 1 + random.below(min(64, bytes.count - at))
            bytes.removeSubrange(at..<at + length)
            return (bytes, "deleted \(length) bytes at \(at)")
        case 2:
            let length = 1 + random.below(min(64, bytes.count - at))
            bytes.insert(contentsOf: bytes[at..<at + length], at: at)
            return (bytes, "duplicated \(length) bytes at \(at)")
        case 3:
            let token = random.pick(tokens)
            bytes.insert(contentsOf: Array(token.utf8), at: at)
            return (bytes, "inserted \(token.debugDescription) at \(at)")
        default:
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            let line = random.below(lines.count)
            let how: String
            switch random.below(5) {
            case 0:
                lines.remove(at: line)
                how = "deleted line \(line + 1)"
            case 1:
                lines.insert(lines[line], at: line)
                how = "duplicated line \(line + 1)"
            case 2:
                let other = random.below(lines.count)
                lines.swapAt(line, other)
                how = "swapped lines \(line + 1) and \(other + 1)"
            case 3:
                if random.chance(50) {
                    lines[line].insert(contentsOf: Array("  ".utf8), at: 0)
                    how = "indented line \(line + 1)"
                } else {
                    lines[line].removeFirst(min(2, lines[line].prefix { $0 == UInt8(ascii: " ") }.count))
                    how = "dedented line \(line + 1)"
                }
            default:
                let value = random.pick(values)
                if let colon = lines[line].firstIndex(of: UInt8(ascii: ":")) {
                    lines[line] = Array(lines[line][...colon]) + Array(" \(value)".utf8)
                } else {
                    lines[line] += Array(" \(value)".utf8)
                }
                how = "set line \(line + 1)'s value to \(value.prefix(24).debugDescription)"
            }
            return (Array(lines.joined(separator: [UInt8(ascii: "\n")])), how)
        }
    }
}
