import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// The matcher reads each kind's resources once and picks in memory; this holds its choice equal
/// to the one query per line it replaced (kind, name under SQLite's NOCASE, overlap first, then
/// earliest seen, then lowest id), over reused names, case, ties, non-ASCII names and other kinds.
@Suite struct CostLineMatcherTests {
    static let t0 = Timestamp(year: 2026, month: 4, day: 1)
    static let day: Int64 = 86_400

    /// The query per line the matcher used to run, kept here as its specification.
    static func referenceID(_ db: Database, kind: ResourceKind, name: String, start: Timestamp, end: Timestamp) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM cloud_resources
            WHERE kind = ? AND name = ? COLLATE NOCASE
            ORDER BY (first_seen_at <= ? AND (stale_at IS NULL OR stale_at >= ?)) DESC, first_seen_at, id
            LIMIT 1
            """, arguments: [kind, name, end, start])
    }

    static func reference(_ db: Database, kind: ResourceKind, name: String, start: Timestamp, end: Timestamp) throws -> CostLineMatcher.Outcome {
        if let id = try referenceID(db, kind: kind, name: name, start: start, end: end) { return .matched(resourceID: id) }
        let earliest = try Timestamp.fetchOne(db, sql: "SELECT MIN(first_seen_at) FROM cloud_resources WHERE kind = ?", arguments: [kind])
        if MatchPolicy.production.destroyedBeforeFirstSync(kind: kind, start: start, end: end, earliestFirstSeen: earliest) {
            return .unmatched(.destroyedBeforeFirstSync)
        }
        return .unmatched(.noSuchResource(name: name, kind: kind))
    }

    func inventory(_ db: Database) throws {
        let t0 = Self.t0, day = Self.day
        let rows: [(Int64, ResourceKind, String, Timestamp, Timestamp?)] = [
            (1, .droplet, "web-1", t0, t0 + 9 * day), (2, .droplet, "WEB-1", t0 + 10 * day, nil),
            (3, .droplet, "reuse", t0, t0 + 2 * day), (4, .droplet, "Reuse", t0 + 5 * day, nil),
            (5, .droplet, "TIE", t0 + day, nil), (6, .droplet, "tie", t0 + day, nil),
            (7, .droplet, "Éclair", t0, nil), (8, .droplet, "gone", t0, t0 + 3_600),
            (9, .volume, "web-1", t0 - 3 * day, nil), (10, .droplet, "late", t0 + 2 * day, t0 + 3 * day),
        ]
        for (id, kind, name, seen, stale) in rows {
            try CloudResource(id: id, kind: kind, providerID: "p\(id)", name: name, status: "active", firstSeenAt: seen, lastChangedAt: seen,
                              staleAt: stale).insert(db)
        }
    }

    @Test func choosesWhatTheQueryPerLineChose() throws {
        let ledger = try Ledger()
        try ledger.writer.write { db in
            try inventory(db)
            let matcher = try CostLineMatcher(db, policy: .production, costKinds: [CostKind(product: "Droplets"), CostKind(product: "Volumes")])
            let t0 = Self.t0, day = Self.day
            let periods = [(t0, t0 + day), (t0 + 3 * day, t0 + 4 * day), (t0 + 11 * day, t0 + 20 * day), (t0 - 5 * day, t0 - 4 * day),
                           (t0 + 2 * day, t0 + 2 * day + 60), (t0 - day, t0 + 30 * day)]
            let names = ["web-1", "Web-1", "reuse", "REUSE", "tie", "éclair", "Éclair", "ÉCLAIR", "gone", "late", "nothing"]
            var seen: Set<String> = []
            for (kind, product, suffix) in [(ResourceKind.droplet, "Droplets", " (s-1vcpu-1gb)"), (.volume, "Volumes", "")] {
                for name in names {
                    for (start, end) in periods {
                        let line = InvoiceCSVLine(lineNo: 1, csvRow: 2, product: product, description: name + suffix, hours: 24,
                                                  start: start, end: end, amountCents: 1)
                        let costKind = CostKind(product: product)
                        let got = matcher.match(line, kind: costKind)
                        let expected = try Self.reference(db, kind: kind, name: CostLineName.name(kind: costKind, description: line.description,
                                                                                                  groupDescription: nil),
                                                          start: start, end: end)
                        #expect(got == expected, "\(kind) '\(name)' \(start)–\(end)")
                        seen.insert("\(got)")
                    }
                }
            }
            // The probes reach every kind of answer, so agreement means something.
            for id in [1, 2, 3, 4, 5, 7, 8, 9, 10] { #expect(seen.contains("\(CostLineMatcher.Outcome.matched(resourceID: Int64(id)))")) }
            #expect(seen.contains { $0.contains("destroyedBeforeFirstSync") } && seen.contains { $0.contains("noSuchResource") })
        }
    }
}
