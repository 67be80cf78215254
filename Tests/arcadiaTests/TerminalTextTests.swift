import Testing
@testable import arcadia

/// Control characters in names never reach the terminal raw (issue 16, item 8).
struct TerminalTextTests {
    @Test func controlCharactersAreEscapedAndLinesAndTabsKept() {
        #expect(TerminalText.safe("web-\u{1B}[2J1\u{7}") == "web-\\u{1B}[2J1\\u{7}")
        #expect(TerminalText.safe("a\tb\nc\r") == "a\tb\nc\\u{D}")
        #expect(TerminalText.safe("\u{9B}31m \u{7F} Zoë ✓") == "\\u{9B}31m \\u{7F} Zoë ✓")
    }
}
