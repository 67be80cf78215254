/// The one allowed spelling a mistyped key or value most likely meant (`destory_droplet` →
/// `destroy_droplet`), so an error can say so instead of leaving the reader to search a list of
/// sixty keys. Close means at most one edit in four characters (at least one), where swapping two
/// neighbours is one edit; a tie between candidates suggests nothing.
enum Spelling {
    static func suggestion(for text: String, among allowed: [String]) -> String? {
        let typed = Array(text.lowercased().unicodeScalars)
        guard !typed.isEmpty else { return nil }
        let limit = max(1, typed.count / 4)
        var best: (distance: Int, candidates: [String]) = (limit + 1, [])
        for candidate in allowed {
            let distance = editDistance(typed, Array(candidate.lowercased().unicodeScalars))
            if distance < best.distance {
                best = (distance, [candidate])
            } else if distance == best.distance {
                best.candidates.append(candidate)
            }
        }
        return best.candidates.count == 1 ? best.candidates[0] : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and transpositions
    /// of neighbours.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }

    /// ` (did you mean 'x'?)`, or nothing.
    static func hint(for text: String, among allowed: [String]) -> String {
        suggestion(for: text, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
