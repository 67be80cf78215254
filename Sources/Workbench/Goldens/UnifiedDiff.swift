import Foundation

/// A line diff in the unified format GNU `diff -u --label` prints, so a golden mismatch reads the
/// same in a JUnit failure as in a terminal, and can be fed to `patch`.
///
/// Headers, hunk grouping, numbering and `\ No newline at end of file` follow GNU diff exactly.
/// Where several shortest diffs exist (repeated lines), the one chosen follows GNU's rules for
/// sliding edits and nearly always matches it, but GNU's internal heuristics are not replicated.
/// Lines are compared byte for byte (not by Swift's canonical string equivalence), and a last line
/// without a newline differs from the same line with one, as in GNU diff.
public enum UnifiedDiff {
    /// Returns nil when `old` and `new` are byte-identical, else the diff with `context` lines of
    /// context around each change.
    public static func diff(old: String, new: String, oldLabel: String, newLabel: String,
                            context: Int = 3) -> String? {
        let oldFile = LineFile(old), newFile = LineFile(new)
        guard oldFile.bytes != newFile.bytes else { return nil }
        let context = max(0, context)
        // Like GNU diff, leave the common head and tail out of the comparison except `context`
        // lines of each ("horizon lines"): equal lines there cannot attract an edit, and a small
        // change in a huge file only costs one pass over it.
        let shorter = min(oldFile.lines.count, newFile.lines.count)
        var head = 0
        while head < shorter, oldFile.key(head) == newFile.key(head) { head += 1 }
        var tail = 0
        while tail < shorter - head,
              oldFile.key(oldFile.lines.count - 1 - tail) == newFile.key(newFile.lines.count - 1 - tail) {
            tail += 1
        }
        let skipped = max(0, head - context), kept = max(0, tail - context)
        // Equal lines get equal small integers, so the diff compares ints, not byte runs.
        var ids = [LineKey: Int]()
        func id(_ line: LineKey) -> Int {
            if let id = ids[line] { return id }
            ids[line] = ids.count
            return ids.count - 1
        }
        let oldIDs = (skipped..<oldFile.lines.count - kept).map { id(oldFile.key($0)) }
        let newIDs = (skipped..<newFile.lines.count - kept).map { id(newFile.key($0)) }
        var script = EditScript(old: oldIDs, new: newIDs)
        script.slideChanges()
        let changes = script.changes().map {
            Change(oldStart: $0.oldStart + skipped, oldEnd: $0.oldEnd + skipped,
                   newStart: $0.newStart + skipped, newEnd: $0.newEnd + skipped)
        }
        return render(changes, old: oldFile, new: newFile, labels: (oldLabel, newLabel), context: context)
    }

    private static func render(_ changes: [Change], old: LineFile, new: LineFile,
                               labels: (old: String, new: String), context: Int) -> String {
        var out = [UInt8]()
        out.append(contentsOf: "--- \(labels.old)\n+++ \(labels.new)\n".utf8)
        var first = 0
        while first < changes.count {
            // Changes separated by at most 2 * context unchanged lines share a hunk, as in GNU diff.
            var last = first
            while last + 1 < changes.count,
                  changes[last + 1].oldStart - changes[last].oldEnd <= 2 * context {
                last += 1
            }
            let lead = min(context, changes[first].oldStart)
            let trail = min(context, old.lines.count - changes[last].oldEnd)
            let oldStart = changes[first].oldStart - lead, newStart = changes[first].newStart - lead
            let oldEnd = changes[last].oldEnd + trail, newEnd = changes[last].newEnd + trail
            out.append(contentsOf: "@@ -\(range(oldStart, oldEnd)) +\(range(newStart, newEnd)) @@\n".utf8)
            var line = oldStart
            for change in changes[first...last] {
                for i in line..<change.oldStart { append(" ", old.bytes[old.lines[i]], to: &out) }
                for i in change.oldStart..<change.oldEnd { append("-", old.bytes[old.lines[i]], to: &out) }
                for i in change.newStart..<change.newEnd { append("+", new.bytes[new.lines[i]], to: &out) }
                line = change.oldEnd
            }
            for i in line..<oldEnd { append(" ", old.bytes[old.lines[i]], to: &out) }
            first = last + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// GNU's hunk range: `start,count`, `start` alone for one line, and for no lines the line
    /// *before* the range with count 0 (`-0,0` for an empty file), which `patch` relies on.
    private static func range(_ start: Int, _ end: Int) -> String {
        switch end - start {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(end - start)"
        }
    }

    private static func append(_ prefix: Character, _ line: ArraySlice<UInt8>, to out: inout [UInt8]) {
        out.append(contentsOf: prefix.utf8)
        out.append(contentsOf: line)
        if line.last != UInt8(ascii: "\n") {
            out.append(contentsOf: "\n\\ No newline at end of file\n".utf8)
        }
    }
}

// The machinery, nested so its names cannot collide with anything else in the module.
extension UnifiedDiff {
    /// A text split into lines; each line's range includes its `\n`, so an unterminated last line is
    /// a different line from the same text with a newline.
    private struct LineFile {
        let bytes: [UInt8]
        let lines: [Range<Int>]

        init(_ text: String) {
            bytes = Array(text.utf8)
            lines = bytes.withUnsafeBufferPointer { buffer in
                var lines = [Range<Int>]()
                var start = 0
                let base = buffer.baseAddress
                while let base, start < buffer.count {
                    // memchr keeps splitting a 100k-line golden fast even in debug builds.
                    let end = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start)
                        .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1 } ?? buffer.count
                    lines.append(start..<end)
                    start = end
                }
                return lines
            }
        }

        func key(_ index: Int) -> LineKey { LineKey(bytes: bytes, range: lines[index]) }
    }

    /// One line's bytes (never empty) as a dictionary key, hashed and compared as raw memory
    /// rather than byte by byte.
    private struct LineKey: Hashable {
        let bytes: [UInt8]
        let range: Range<Int>

        static func == (lhs: LineKey, rhs: LineKey) -> Bool {
            lhs.range.count == rhs.range.count && lhs.bytes.withUnsafeBytes { left in
                rhs.bytes.withUnsafeBytes { right in
                    memcmp(left.baseAddress! + lhs.range.lowerBound, right.baseAddress! + rhs.range.lowerBound,
                           lhs.range.count) == 0
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[range])) }
        }
    }

    /// One run of deleted old lines and inserted new lines between two unchanged lines.
    private struct Change {
        var oldStart: Int, oldEnd: Int, newStart: Int, newEnd: Int
    }

    /// A shortest edit script between two sequences of line ids (short, past `MiddleSnakeSearch`'s
    /// cost limit), kept as "changed" flags per line.
    ///
    /// Myers' O(ND) algorithm in its linear-space form (find the middle snake, recurse on both halves),
    /// so a small change in a huge golden costs little time and memory. Lines that occur only on one
    /// side can never match; they are marked changed up front, which keeps a rewritten file cheap.
    private struct EditScript {
        let old: [Int], new: [Int]
        var oldChanged: [Bool], newChanged: [Bool]

        init(old: [Int], new: [Int]) {
            self.old = old
            self.new = new
            let inOld = Set(old), inNew = Set(new)
            oldChanged = old.map { !inNew.contains($0) }
            newChanged = new.map { !inOld.contains($0) }
            let oldKept = old.indices.filter { !oldChanged[$0] }
            let newKept = new.indices.filter { !newChanged[$0] }
            var search = MiddleSnakeSearch(a: oldKept.map { old[$0] }, b: newKept.map { new[$0] })
            search.compare(0, oldKept.count, 0, newKept.count)
            for (i, deleted) in search.deleted.enumerated() where deleted { oldChanged[oldKept[i]] = true }
            for (j, inserted) in search.inserted.enumerated() where inserted { newChanged[newKept[j]] = true }
        }

        /// Where equal lines make an edit ambiguous (one of several identical lines inserted), moves
        /// each run of changes up and down as far as equal lines allow, merging runs that touch, then
        /// settles it at the lowest spot where it sits next to a change in the other file (else the
        /// lowest spot). GNU diff and git place such edits the same way.
        mutating func slideChanges() {
            Self.slide(old, &oldChanged, beside: newChanged)
            Self.slide(new, &newChanged, beside: oldChanged)
        }

        private static func slide(_ lines: [Int], _ changed: inout [Bool], beside other: [Bool]) {
            let count = lines.count
            // Unchanged lines before `start` pair up, in order, with unchanged lines before `j` in the
            // other file; the other file's changed lines from `j` on sit next to the run.
            var start = 0, j = 0
            while true {
                while start < count, !changed[start] {
                    while other[j] { j += 1 }
                    start += 1
                    j += 1
                }
                if start == count { return }
                var end = start
                while end < count, changed[end] { end += 1 }
                var aligned: (start: Int, end: Int, j: Int)?
                var length: Int
                repeat {
                    length = end - start
                    while start > 0, lines[start - 1] == lines[end - 1] {
                        start -= 1
                        end -= 1
                        changed[start] = true
                        changed[end] = false
                        j -= 1  // lines[start] gives its partner to lines[end]
                        while j > 0, other[j - 1] { j -= 1 }
                        while start > 0, changed[start - 1] { start -= 1 }
                    }
                    aligned = j < other.count && other[j] ? (start, end, j) : nil
                    while end < count, lines[start] == lines[end] {
                        while other[j] { j += 1 }
                        j += 1  // lines[end] gives its partner to lines[start]
                        changed[start] = false
                        changed[end] = true
                        start += 1
                        end += 1
                        while end < count, changed[end] { end += 1 }
                        if j < other.count, other[j] { aligned = (start, end, j) }
                    }
                } while end - start != length
                if let aligned, aligned.end != end {
                    // The last pass merged nothing, so the run only shifted since `aligned`.
                    for k in aligned.start..<end { changed[k] = k < aligned.end }
                    end = aligned.end
                    j = aligned.j
                }
                start = end
            }
        }

        func changes() -> [Change] {
            var result = [Change]()
            var i = 0, j = 0
            while i < old.count || j < new.count {
                if (i < old.count && oldChanged[i]) || (j < new.count && newChanged[j]) {
                    var change = Change(oldStart: i, oldEnd: i, newStart: j, newEnd: j)
                    while i < old.count, oldChanged[i] { i += 1 }
                    while j < new.count, newChanged[j] { j += 1 }
                    change.oldEnd = i
                    change.newEnd = j
                    result.append(change)
                } else {
                    i += 1
                    j += 1
                }
            }
            return result
        }
    }

    /// Myers' divide and conquer: search forward from the top-left and backward from the bottom-right
    /// of the edit graph, D/2 edits each, until the paths overlap; that point splits the problem.
    private struct MiddleSnakeSearch {
        let a: [Int], b: [Int]
        var deleted: [Bool], inserted: [Bool]
        /// Edits each search may spend on one split before it gives up on minimality: twice the square
        /// root of the input, at least 1024. Goldens that changed by less than that get a shortest
        /// script; a fully reordered 100k-line file takes about two seconds instead of minutes.
        let costLimit: Int

        init(a: [Int], b: [Int]) {
            self.a = a
            self.b = b
            costLimit = max(1024, 2 * Int(Double(a.count + b.count).squareRoot()))
            deleted = Array(repeating: false, count: a.count)
            inserted = Array(repeating: false, count: b.count)
        }

        mutating func compare(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) {
            var aLow = aLow, aHigh = aHigh, bLow = bLow, bHigh = bHigh
            while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] { aLow += 1; bLow += 1 }
            while aLow < aHigh, bLow < bHigh, a[aHigh - 1] == b[bHigh - 1] { aHigh -= 1; bHigh -= 1 }
            if aLow == aHigh {
                for j in bLow..<bHigh { inserted[j] = true }
            } else if bLow == bHigh {
                for i in aLow..<aHigh { deleted[i] = true }
            } else {
                // Both sides are non-empty and differ at both ends, so D >= 2 and each half shrinks.
                let (aMid, bMid) = middle(aLow, aHigh, bLow, bHigh)
                compare(aLow, aMid, bLow, bMid)
                compare(aMid, aHigh, bMid, bHigh)
            }
        }

        /// Diagonal k holds points with x - y == k (x into `a`, y into `b`, relative to the lows);
        /// `forward[k]` is the furthest x a forward path reached on it, `backward[k]` the same for the
        /// reversed sequences. Paths that run off the grid narrow the diagonals searched next.
        private func middle(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int) {
            let n = aHigh - aLow, m = bHigh - bLow
            let delta = n - m
            let deltaIsOdd = delta & 1 != 0
            let maxD = (n + m + 1) / 2
            let offset = maxD + 1
            let width = 2 * maxD + 3
            var forward = [Int](repeating: -1, count: width)
            var backward = [Int](repeating: -1, count: width)
            forward[offset + 1] = 0
            backward[offset + 1] = 0
            var forwardTrim = (low: 0, high: 0), backwardTrim = (low: 0, high: 0)
            var forwardBest = (x: 0, y: 0), backwardBest = (x: 0, y: 0)  // furthest from each corner
            for d in 0...maxD {
                for k in stride(from: -d + forwardTrim.low, through: d - forwardTrim.high, by: 2) {
                    let slot = offset + k
                    var x = k == -d || (k != d && forward[slot - 1] < forward[slot + 1])
                        ? forward[slot + 1] : forward[slot - 1] + 1
                    var y = x - k
                    while x < n, y < m, a[aLow + x] == b[bLow + y] { x += 1; y += 1 }
                    forward[slot] = x
                    if x > n {
                        forwardTrim.high += 2
                    } else if y > m {
                        forwardTrim.low += 2
                    } else {
                        if x + y > forwardBest.x + forwardBest.y { forwardBest = (x, y) }
                        let other = offset + delta - k
                        if deltaIsOdd, other >= 0, other < width, backward[other] != -1,
                           x >= n - backward[other] {
                            return (aLow + x, bLow + y)
                        }
                    }
                }
                for k in stride(from: -d + backwardTrim.low, through: d - backwardTrim.high, by: 2) {
                    let slot = offset + k
                    var x = k == -d || (k != d && backward[slot - 1] < backward[slot + 1])
                        ? backward[slot + 1] : backward[slot - 1] + 1
                    var y = x - k
                    while x < n, y < m, a[aHigh - 1 - x] == b[bHigh - 1 - y] { x += 1; y += 1 }
                    backward[slot] = x
                    if x > n {
                        backwardTrim.high += 2
                    } else if y > m {
                        backwardTrim.low += 2
                    } else {
                        if x + y > backwardBest.x + backwardBest.y { backwardBest = (x, y) }
                        let other = offset + delta - k
                        if !deltaIsOdd, other >= 0, other < width, forward[other] != -1,
                           forward[other] >= n - x {
                            return (aLow + forward[other], bLow + forward[other] - (delta - k))
                        }
                    }
                }
                if d >= costLimit {
                    // Too costly to finish (a reordered file): settle for a short, not shortest, script
                    // by splitting where one search got furthest. Either point is strictly inside.
                    if forwardBest.x + forwardBest.y >= backwardBest.x + backwardBest.y {
                        return (aLow + forwardBest.x, bLow + forwardBest.y)
                    }
                    return (aHigh - backwardBest.x, bHigh - backwardBest.y)
                }
            }
            preconditionFailure("forward and backward searches always meet within (n + m + 1) / 2 steps")
        }
    }
}
