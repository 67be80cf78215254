import Foundation
import Testing
import Workbench

struct UnifiedDiffTests {
    struct Fixture: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let old: String, new: String, context: Int
        let expected: String

        init(_ name: String, old: String, new: String, context: Int = 3, hunks: String) {
            testDescription = name
            self.old = old
            self.new = new
            self.context = context
            expected = "--- old\n+++ new\n" + hunks
        }
    }

    /// Lines "1\n" through "<count>\n", some replaced.
    static func numbered(_ count: Int, replacing replacements: [Int: String] = [:]) -> String {
        (1...count).map { "\(replacements[$0] ?? String($0))\n" }.joined()
    }

    /// Each expectation is what GNU diff 3.8 printed for `diff -U<context> --label old --label new`.
    static let fixtures: [Fixture] = [
        Fixture("one changed line", old: "a\nb\nc\nd\ne\nf\ng\n", new: "a\nb\nc\nD\ne\nf\ng\n",
                hunks: "@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"),
        Fixture("insertion at start", old: "b\nc\nd\ne\n", new: "a\nb\nc\nd\ne\n",
                hunks: "@@ -1,3 +1,4 @@\n+a\n b\n c\n d\n"),
        Fixture("insertion at end", old: "a\nb\nc\nd\n", new: "a\nb\nc\nd\ne\n",
                hunks: "@@ -2,3 +2,4 @@\n b\n c\n d\n+e\n"),
        Fixture("deletion of everything", old: "a\nb\nc\n", new: "",
                hunks: "@@ -1,3 +0,0 @@\n-a\n-b\n-c\n"),
        Fixture("empty old file", old: "", new: "a\nb\n",
                hunks: "@@ -0,0 +1,2 @@\n+a\n+b\n"),
        Fixture("two distant changes", old: numbered(20), new: numbered(20, replacing: [3: "three", 15: "fifteen"]),
                hunks: "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
                    + "@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n"),
        Fixture("changes 6 lines apart share a hunk",
                old: numbered(20), new: numbered(20, replacing: [3: "three", 10: "ten"]),
                hunks: "@@ -1,13 +1,13 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n"),
        Fixture("changes 7 lines apart get two hunks",
                old: numbered(20), new: numbered(20, replacing: [3: "three", 11: "eleven"]),
                hunks: "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
                    + "@@ -8,7 +8,7 @@\n 8\n 9\n 10\n-11\n+eleven\n 12\n 13\n 14\n"),
        Fixture("old lacks final newline", old: "a\nb", new: "a\nb\n",
                hunks: "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"),
        Fixture("both lack final newline", old: "a\nb", new: "a\nc",
                hunks: "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"),
        Fixture("unterminated context line", old: "a\nb\nc", new: "x\nb\nc",
                hunks: "@@ -1,3 +1,3 @@\n-a\n+x\n b\n c\n\\ No newline at end of file\n"),
        Fixture("new lacks final newline", old: "a\nb\n", new: "a\nb",
                hunks: "@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n"),
        Fixture("zero context", old: "a\nb\nc\n", new: "a\nc\n", context: 0,
                hunks: "@@ -2 +1,0 @@\n-b\n"),
        Fixture("one context line", old: numbered(9), new: numbered(9, replacing: [5: "five"]), context: 1,
                hunks: "@@ -4,3 +4,3 @@\n 4\n-5\n+five\n 6\n"),
        Fixture("repeated line deleted", old: "a\nb\nb\nc\n", new: "a\nb\nc\n",
                hunks: "@@ -1,4 +1,3 @@\n a\n b\n-b\n c\n"),
        Fixture("repeated line inserted", old: "x\na\nx\n", new: "x\na\nx\na\nx\n",
                hunks: "@@ -1,3 +1,5 @@\n x\n a\n x\n+a\n+x\n"),
        Fixture("horizon keeps edits off the common tail", old: "x\nb\nb\ny\n", new: "q\nx\nb\ny\n", context: 0,
                hunks: "@@ -0,0 +1 @@\n+q\n@@ -2 +2,0 @@\n-b\n"),
        Fixture("deletion merges with run above", old: "x\na\nb\nb\nc\n", new: "x\nb\nc\n",
                hunks: "@@ -1,5 +1,3 @@\n x\n-a\n-b\n b\n c\n"),
        Fixture("carriage returns are line content", old: "a\r\nb\r\n", new: "a\r\nc\r\n",
                hunks: "@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n"),
        Fixture("replace block", old: numbered(11), new: "1\n2\n3\n4\nx\ny\n8\n9\n10\n11\n", context: 2,
                hunks: "@@ -3,7 +3,6 @@\n 3\n 4\n-5\n-6\n-7\n+x\n+y\n 8\n 9\n"),
    ]

    @Test func identicalTextsHaveNoDiff() {
        #expect(UnifiedDiff.diff(old: "", new: "", oldLabel: "old", newLabel: "new") == nil)
        #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldLabel: "old", newLabel: "new") == nil)
        #expect(UnifiedDiff.diff(old: "a\nb", new: "a\nb", oldLabel: "x", newLabel: "y") == nil)
    }

    @Test(arguments: fixtures) func printsWhatGNUDiffPrints(_ fixture: Fixture) {
        let diff = UnifiedDiff.diff(old: fixture.old, new: fixture.new, oldLabel: "old", newLabel: "new",
                                    context: fixture.context)
        #expect(diff == fixture.expected)
    }

    /// Re-derives the fixtures from the diff installed here, so they cannot silently drift from it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/diff")), arguments: fixtures)
    func fixturesAgreeWithInstalledDiff(_ fixture: Fixture) throws {
        #expect(try gnuDiff(old: fixture.old, new: fixture.new, context: fixture.context) == fixture.expected)
    }

    @Test func comparesBytesNotCanonicalEquivalence() {
        // Swift's == calls these equal; a golden file is bytes, and GNU diff sees a change.
        let diff = UnifiedDiff.diff(old: "caf\u{E9}\n", new: "cafe\u{301}\n", oldLabel: "old", newLabel: "new")
        #expect(diff == "--- old\n+++ new\n@@ -1 +1 @@\n-caf\u{E9}\n+cafe\u{301}\n")
    }

    @Test func negativeContextMeansNone() {
        let diff = UnifiedDiff.diff(old: "a\nb\nc\n", new: "a\nB\nc\n", oldLabel: "old", newLabel: "new", context: -1)
        #expect(diff == "--- old\n+++ new\n@@ -2 +2 @@\n-b\n+B\n")
    }

    /// Random small edits: the diff must apply back to `new`, and change no more lines than a
    /// longest common subsequence leaves over.
    @Test func randomEditsApplyAndAreShortest() throws {
        var random = TestRandom(seed: 7)
        for _ in 0..<400 {
            let alphabet = 2 + random.next(below: 8)
            var lines = (0..<random.next(below: 30)).map { _ in "l\(random.next(below: alphabet))\n" }
            let old = lines.joined().dropLastNewline(if: random.next(below: 5) == 0)
            for _ in 0...random.next(below: 5) {
                let position = random.next(below: lines.count + 1)
                switch random.next(below: 3) {
                case 0: lines.insert("l\(random.next(below: alphabet))\n", at: position)
                case 1 where position < lines.count: lines.remove(at: position)
                default: if position < lines.count { lines[position] = "l\(random.next(below: alphabet))\n" }
                }
            }
            let new = lines.joined().dropLastNewline(if: random.next(below: 5) == 0)
            let context = random.next(below: 4)
            let diff = UnifiedDiff.diff(old: old, new: new, oldLabel: "old", newLabel: "new", context: context)
            guard let diff else {
                #expect(old == new)
                continue
            }
            #expect(try applyPatch(diff, to: old) == new, "\(old.debugDescription) -> \(new.debugDescription)")
            let changed = diff.split(separator: "\n").dropFirst(2)
                .filter { $0.hasPrefix("-") || $0.hasPrefix("+") }.count
            let (a, b) = (old.linesKeepingNewlines, new.linesKeepingNewlines)
            #expect(changed == a.count + b.count - 2 * longestCommonSubsequence(a, b))
        }
    }

    /// Not a timing test: a one-line change in a 100k-line golden only costs a pass over the file.
    @Test func oneChangeInAHundredThousandLines() {
        var lines = (1...100_000).map { "line \($0)\n" }
        let old = lines.joined()
        lines[49_999] = "changed\n"
        let diff = UnifiedDiff.diff(old: old, new: lines.joined(), oldLabel: "old", newLabel: "new")
        #expect(diff == """
            --- old
            +++ new
            @@ -49997,7 +49997,7 @@
             line 49997
             line 49998
             line 49999
            -line 50000
            +changed
             line 50001
             line 50002
             line 50003

            """)
    }

    /// A reordered file needs more edits than the search's cost limit; the diff gets longer than
    /// the shortest one but must still be correct.
    @Test func reorderedFileStillAppliesBack() throws {
        var random = TestRandom(seed: 11)
        let lines = (0..<3_000).map { "row \($0)\n" }
        var shuffled = lines
        for index in shuffled.indices.reversed() { shuffled.swapAt(index, random.next(below: index + 1)) }
        let old = lines.joined(), new = shuffled.joined()
        let diff = try #require(UnifiedDiff.diff(old: old, new: new, oldLabel: "old", newLabel: "new"))
        #expect(try applyPatch(diff, to: old) == new)
    }
}

// MARK: - Helpers

private func gnuDiff(old: String, new: String, context: Int) throws -> String {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("unified-diff-\(ProcessInfo.processInfo.globallyUniqueString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let oldURL = directory.appendingPathComponent("old"), newURL = directory.appendingPathComponent("new")
    try Data(old.utf8).write(to: oldURL)
    try Data(new.utf8).write(to: newURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
    process.arguments = ["-U\(context)", "--label", "old", "--label", "new", oldURL.path, newURL.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

private struct PatchError: Error, CustomStringConvertible {
    let description: String
}

/// Applies a unified diff as `patch` would, checking hunk headers, counts and every old line.
private func applyPatch(_ diff: String, to old: String) throws -> String {
    let oldLines = old.linesKeepingNewlines
    var diffLines = diff.linesKeepingNewlines[...]
    guard diffLines.popFirst()?.hasPrefix("--- ") == true, diffLines.popFirst()?.hasPrefix("+++ ") == true else {
        throw PatchError(description: "missing file header")
    }
    var result: [String] = [], cursor = 0
    while let header = diffLines.popFirst() {
        let fields = header.split(separator: " ")
        guard fields.count == 4, fields[0] == "@@", fields[3] == "@@\n" else {
            throw PatchError(description: "bad hunk header \(header)")
        }
        func range(_ field: Substring) -> (start: Int, count: Int) {
            let numbers = field.dropFirst().split(separator: ",").map { Int($0)! }
            return (numbers[0], numbers.count > 1 ? numbers[1] : 1)
        }
        let (oldRange, newRange) = (range(fields[1]), range(fields[2]))
        let start = oldRange.count == 0 ? oldRange.start : oldRange.start - 1
        guard start >= cursor, start <= oldLines.count else { throw PatchError(description: "hunk out of order") }
        result += oldLines[cursor..<start]
        cursor = start
        guard result.count == (newRange.count == 0 ? newRange.start : newRange.start - 1) else {
            throw PatchError(description: "new start wrong in \(header)")
        }
        var (oldSeen, newSeen) = (0, 0)
        while oldSeen < oldRange.count || newSeen < newRange.count {
            guard var line = diffLines.popFirst() else { throw PatchError(description: "hunk cut short") }
            let operation = line.unicodeScalars.removeFirst()
            if diffLines.first == "\\ No newline at end of file\n" {
                diffLines.removeFirst()
                line.unicodeScalars.removeLast()
            }
            if operation != "+" {
                guard cursor < oldLines.count, oldLines[cursor] == line else {
                    throw PatchError(description: "old line \(cursor + 1) is not \(line.debugDescription)")
                }
                cursor += 1
                oldSeen += 1
            }
            if operation != "-" {
                result.append(line)
                newSeen += 1
            }
        }
        guard oldSeen == oldRange.count, newSeen == newRange.count else {
            throw PatchError(description: "counts wrong in \(header)")
        }
    }
    return (result + oldLines[cursor...]).joined()
}

private func longestCommonSubsequence(_ a: [String], _ b: [String]) -> Int {
    var previous = [Int](repeating: 0, count: b.count + 1)
    for lineA in a {
        var current = [0]
        for (j, lineB) in b.enumerated() {
            current.append(lineA == lineB ? previous[j] + 1 : max(previous[j + 1], current[j]))
        }
        previous = current
    }
    return previous[b.count]
}

/// Deterministic randomness, so a failure reproduces.
private struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
    }
}

private extension String {
    /// Lines with their `\n` kept, split on the scalar so `\r\n` stays intact.
    var linesKeepingNewlines: [String] {
        var lines: [String] = [], current = ""
        for scalar in unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                lines.append(current)
                current = ""
            }
        }
        return current.isEmpty ? lines : lines + [current]
    }

    func dropLastNewline(if condition: Bool) -> String {
        condition && hasSuffix("\n") ? String(dropLast()) : self
    }
}
