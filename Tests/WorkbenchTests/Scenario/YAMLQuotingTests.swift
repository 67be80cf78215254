import Testing
@testable import Workbench
import Yams

/// Every string the writer spells must read back as itself, wherever YAML meets it: as a block
/// mapping value, inside a flow mapping and inside a flow list.
struct YAMLQuotingTests {
    /// The text of the one scalar at `path` in `yaml`, as Yams composes it.
    func scalar(in yaml: String, _ path: (Node) -> Node?) throws -> String? {
        guard let root = try Yams.compose(yaml: yaml), case .scalar(let scalar)? = path(root) else { return nil }
        return scalar.string
    }

    func readsBack(_ text: String) throws -> Bool {
        let written = YAMLQuoting.inline(text)
        let block = try scalar(in: "k: \(written)\n") { $0["k"] }
        let flowMap = try scalar(in: "k: {a: \(written), b: 1}\n") { $0["k"]?["a"] }
        let flowList = try scalar(in: "k: [\(written), x]\n") { $0["k"]?[0] }
        return block == text && flowMap == text && flowList == text
    }

    /// Not among them: a string starting with a byte-order mark, the one string no spelling
    /// keeps, since Yams drops a BOM from the start of any scalar, quoted or not.
    static let tricky = [
        "yes", "No", "on", "true", "FALSE", "123", "-3", "0x10", "017", "1_000", "1.5", "1e5", ".inf", "12:30",
        "null", "~", "", " ", " leading", "trailing ", "a: b", "a:", ":a", "::/0", "#x", "a #b", "a#b", "*-web", "&x", "!x", "|",
        ">", "%x", "@x", "`x", "'x", "\"x", "x\"y", "back\\slash", "[x]", "a,b", "{x}", "- x", "-", "-x", "?x", "? x", "<<", "=",
        "2026-04-01", "2026-04-01T00:00:00Z", "2026-04", "line\nbreak", "tab\there", "cr\r", "nul\u{0}", "bell\u{7}", "del\u{7F}",
        "nel\u{85}", "ls\u{2028}", "b\u{FEFF}om", "Café", "日本語", "emoji 😀", "e\u{301}", "a:b", "http://x.example/a?b=c", "---",
        "...", "GST (10%)", "/v2/droplets", "0.0.0.0/0", "batch-*", "node-?",
    ]

    @Test(arguments: tricky)
    func aTrickyStringReadsBackAsItself(text: String) throws {
        #expect(try readsBack(text), "written as \(YAMLQuoting.inline(text))")
    }

    @Test func stringsYAMLWouldMisreadAreDoubleQuoted() {
        for text in ["yes", "123", "1.5", "null", "~", "a: b", "#x", "a #b", " leading", "trailing ", "*-web", "::/0", "2026-04-01", "<<"] {
            #expect(YAMLQuoting.inline(text) == "\"\(text)\"", "\(text)")
        }
        #expect(YAMLQuoting.inline("") == "\"\"")
        #expect(YAMLQuoting.inline("line\nbreak\t\"q\" \\") == #""line\nbreak\t\"q\" \\""#)
        #expect(YAMLQuoting.inline("nel\u{85} bom\u{FEFF} nul\u{0}") == #""nel\x85 bom\uFEFF nul\x00""#)
    }

    @Test func everythingElseIsPlain() {
        for text in ["web-1", "a#b", "-x", "Café 日本語 😀", "GST (10%)", "/v2/droplets", "0.0.0.0/0", "batch-*", "2026-04", "s-1vcpu-1gb"] {
            #expect(YAMLQuoting.inline(text) == text)
        }
    }

    /// Prose ending in a newline folds at the width, only at single spaces; text with inner line
    /// breaks is literal; what a block scalar cannot spell is left to `inline`.
    @Test func blockScalarsSpellTheTextExactly() throws {
        let prose = String(repeating: "word ", count: 40) + "end.  Two  spaces stay together.\n"
        let texts = [prose, "short\n", "one\ntwo\n\nfour\n", "no final newline\nhere", String(repeating: "long ", count: 30) + "line"]
        for text in texts {
            let lines = try #require(YAMLQuoting.blockScalar(text, indent: 2, width: 40), "\(text)")
            #expect(lines.dropFirst().allSatisfy { $0.isEmpty || $0.hasPrefix("  ") })
            #expect(lines.allSatisfy { $0.count <= 40 })
            let yaml = "k: " + lines.joined(separator: "\n") + "\n"
            #expect(try scalar(in: yaml) { $0["k"] } == text, "\(yaml)")
        }
        #expect(YAMLQuoting.blockScalar(prose, indent: 2, width: 40)?.first == ">")
        #expect(YAMLQuoting.blockScalar("one\ntwo", indent: 2, width: 40)?.first == "|-")
        for inline in ["short", "", "\n", " leading\n", "trailing \n", "two\n\n", "tab\there\n", "cr\r\n"] {
            #expect(YAMLQuoting.blockScalar(inline, indent: 2, width: 40) == nil, "\(inline)")
        }
    }
}
