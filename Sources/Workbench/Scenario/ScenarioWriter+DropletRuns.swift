/// World droplets written back as `count` templates where the parser's expansion gives them.
extension ScenarioWriter {
    /// A fleet read from `{name: node-#, count: 250, …}` is 250 droplets in the value; written one
    /// a line it would bury the rest of the scenario. Runs that the template expands to exactly
    /// (names numbered 1…N zero-padded to N's width, everything else alike) fold back into one
    /// item; any other droplet is written as itself.
    static func worldDroplets(_ droplets: [DropletSpec]) -> [YAMLTree] {
        var items: [YAMLTree] = []
        var index = 0
        while index < droplets.count {
            if let run = numberedRun(droplets, from: index) {
                var template = droplets[index]
                template.name = run.template
                items.append(droplet(template, inWorld: true, count: run.count))
                index += run.count
            } else {
                items.append(droplet(droplets[index], inWorld: true))
                index += 1
            }
        }
        return items
    }

    /// The longest run of two or more droplets from `start` that a `#` template with `count`
    /// expands to. The number is a whole run of digits in the first name reading 1 (`node-001`),
    /// its width the width of the count, as the parser pads.
    static func numberedRun(_ droplets: [DropletSpec], from start: Int) -> (template: String, count: Int)? {
        let first = droplets[start]
        guard !first.name.contains("#") else { return nil }
        let scalars = Array(first.name.unicodeScalars)
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        var lower = 0
        while lower < scalars.count {
            guard isDigit(scalars[lower]) else {
                lower += 1
                continue
            }
            var upper = lower
            while upper < scalars.count, isDigit(scalars[upper]) { upper += 1 }
            let width = upper - lower
            let prefix = String(String.UnicodeScalarView(scalars[..<lower]))
            let suffix = String(String.UnicodeScalarView(scalars[upper...]))
            if String(String.UnicodeScalarView(scalars[lower..<upper])) == padded(1, width: width) {
                let count = runLength(droplets, from: start, prefix: prefix, suffix: suffix, width: width)
                if count >= 2, String(count).count == width {
                    return (prefix + "#" + suffix, count)
                }
            }
            lower = upper
        }
        return nil
    }

    /// The parser's limit on `count`.
    private static let maximumCount = 10_000

    /// How many droplets from `start` are named prefix + 1, 2, … (padded to `width`) + suffix and
    /// are otherwise the first one's twins, counting no further than `width` digits reach.
    private static func runLength(_ droplets: [DropletSpec], from start: Int, prefix: String, suffix: String, width: Int) -> Int {
        func unnamed(_ droplet: DropletSpec) -> DropletSpec {
            var twin = droplet
            twin.name = ""
            twin.location = nil
            return twin
        }
        let model = unnamed(droplets[start])
        var count = 0
        while start + count < droplets.count, String(count + 1).count <= width, count < maximumCount,
              droplets[start + count].name == prefix + padded(count + 1, width: width) + suffix,
              unnamed(droplets[start + count]) == model {
            count += 1
        }
        return count
    }

    private static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
