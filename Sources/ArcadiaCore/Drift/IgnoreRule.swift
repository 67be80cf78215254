import DigitalOcean
import MoneyAndTime

/// A standing decision that one field of some resources may differ from its spec, with the reason
/// and a date by which someone must look again. Mismatches it covers become `ignored` findings:
/// visible in the drift ledger, but no open drift. From `expires` on it no longer applies, and the
/// sweep says so in the findings it closes and opens.
public struct IgnoreRule: Sendable, Equatable {
    /// Names the rule in the drift ledger (`ignore_rule`) and in notes.
    public var id: String
    /// The selector: every part given must match; at least one should be given.
    public var kind: ResourceKind?
    /// A glob over the resource's name: `*` any run of characters, `?` one character; case-sensitive.
    public var nameGlob: String?
    /// A tag the resource must carry (live tags).
    public var tag: String?
    public var field: String
    public var reason: String
    /// The first instant the rule no longer applies.
    public var expires: Timestamp

    public init(id: String, kind: ResourceKind? = nil, nameGlob: String? = nil, tag: String? = nil, field: String,
                reason: String, expires: Timestamp) {
        self.id = id
        self.kind = kind
        self.nameGlob = nameGlob
        self.tag = tag
        self.field = field
        self.reason = reason
        self.expires = expires
    }

    public func isExpired(at time: Timestamp) -> Bool { time >= expires }

    /// Whether the selector and field cover this resource's field, expired or not.
    func selects(_ resource: LiveResource, field: String) -> Bool {
        field == self.field
            && kind.map { $0 == resource.kind } ?? true
            && nameGlob.map { NameGlob.matches($0, resource.name) } ?? true
            && tag.map { resource.tags.contains($0) } ?? true
    }
}

/// Shell-style name matching for rule selectors, over Unicode scalars so a pattern means the same
/// thing on every platform and locale.
public enum NameGlob {
    public static func matches(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern.unicodeScalars), n = Array(name.unicodeScalars)
        var pi = 0, ni = 0
        // Where the last `*` was, and how much of the name it has swallowed so far.
        var star: (pattern: Int, name: Int)?
        while ni < n.count {
            if pi < p.count, p[pi] == "*" {
                star = (pi, ni)
                pi += 1
            } else if pi < p.count, p[pi] == "?" || p[pi] == n[ni] {
                pi += 1
                ni += 1
            } else if let last = star {
                pi = last.pattern + 1
                ni = last.name + 1
                star = (last.pattern, last.name + 1)
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
