import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// The matcher reads each kind's resources once and picks in memory; this holds its choice equal
/// to a query per line that states the rule (kind, name under SQLite's NOCASE, not already missed
/// by a listing when the line began, with the exact spelling first, then the longest overlap of the resource's life with the line, then earliest
/// seen, then lowest id), over reused names, case, ties, non-ASCII names and other kinds.
@Suite struct CostLineMatcherTests {
    static let t0 = Timestamp(year: 2026, month: 4, day: 1)
    static let day: Int64 = 86_400
    /// April's invoice is drawn up as May begins.
    static let drawnAt = Timestamp(year: 2026, month: 5, day: 1)

    /// The rule as one query per line, kept here as the matcher's specification. A life runs from
    /// `first_seen_at` to the first listing that missed it (`missing_since`, else `stale_at`); a
    /// resource whose life ended by the line's start is no candidate. The
    /// probes' lines carry no project, so the project tie-break has its own test below.
    static func referenceID(_ db: Database, kind: ResourceKind, name: String, start: Timestamp, end: Timestamp) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM cloud_resources
            WHERE kind = :kind AND name = :name COLLATE NOCASE
              AND unixepoch(COALESCE(missing_since, stale_at, '9999-12-31T23:59:59Z')) > unixepoch(:start)
            ORDER BY name = :name COLLATE BINARY DESC,
                     MAX(0, MIN(unixepoch(COALESCE(missing_since, stale_at, :end)), unixepoch(:end))
                            - MAX(unixepoch(first_seen_at), unixepoch(:start))) DESC,
                     CASE WHEN unixepoch(COALESCE(missing_since, stale_at)) >= unixepoch(:end)
                          THEN unixepoch(COALESCE(missing_since, stale_at)) - unixepoch(:end) ELSE 9223372036854775807 END,
                     first_seen_at, id
            LIMIT 1
            """, arguments: ["kind": kind, "name": name, "start": start, "end": end])
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
        let rows: [(Int64, ResourceKind, String, Timestamp, Timestamp?, Timestamp?)] = [
            (1, .droplet, "web-1", t0, nil, t0 + 9 * day), (2, .droplet, "WEB-1", t0 + 10 * day, nil, nil),
            (3, .droplet, "reuse", t0, nil, t0 + 2 * day), (4, .droplet, "Reuse", t0 + 5 * day, nil, nil),
            (5, .droplet, "TIE", t0 + day, nil, nil), (6, .droplet, "tie", t0 + day, nil, nil),
            (7, .droplet, "Éclair", t0, nil, nil), (8, .droplet, "gone", t0, nil, t0 + 3_600),
            (9, .volume, "web-1", t0 - 3 * day, nil, nil), (10, .droplet, "late", t0 + 2 * day, nil, t0 + 3 * day),
            // Destroyed at 10 d and created again at once: the listing at 10 d 15 min missed the
            // old one and saw the new one, so the lives share the quarter hour after the destroy.
            (11, .droplet, "rebuilt", t0, t0 + 10 * day + 900, t0 + 10 * day + 2_700), (12, .droplet, "rebuilt", t0 + 10 * day + 900, nil, nil),
        ]
        for (id, kind, name, seen, missing, stale) in rows {
            try CloudResource(id: id, kind: kind, providerID: "p\(id)", name: name, status: "active", firstSeenAt: seen, lastChangedAt: seen,
                              missingSince: missing, staleAt: stale).insert(db)
        }
    }

    @Test func choosesWhatTheQueryPerLineChose() throws {
        let ledger = try Ledger()
        try ledger.writer.write { db in
            try inventory(db)
            let matcher = try CostLineMatcher(db, policy: .production, costKinds: [CostKind(product: "Droplets"), CostKind(product: "Volumes")], drawnAt: Self.drawnAt)
            let t0 = Self.t0, day = Self.day
            let periods = [(t0, t0 + day), (t0 + 3 * day, t0 + 4 * day), (t0 + 11 * day, t0 + 20 * day), (t0 - 5 * day, t0 - 4 * day),
                           (t0 + 2 * day, t0 + 2 * day + 60), (t0 - day, t0 + 30 * day), (t0, t0 + 10 * day), (t0 + 10 * day, t0 + 30 * day)]
            let names = ["web-1", "Web-1", "WEB-1", "reuse", "REUSE", "tie", "Tie", "éclair", "Éclair", "ÉCLAIR", "gone", "late", "rebuilt", "nothing"]
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
            for id in [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12] { #expect(seen.contains("\(CostLineMatcher.Outcome.matched(resourceID: Int64(id)))")) }
            #expect(seen.contains { $0.contains("destroyedBeforeFirstSync") } && seen.contains { $0.contains("noSuchResource") })
        }
    }

    /// What an audit saw go wrong, stated directly: a droplet rebuilt under its name had its cost
    /// matched to the destroyed one (the earliest seen of two whose lives touched the line), and
    /// `WEB-1`'s cost went to `web-1`.
    @Test func aRebuiltNameAndANameInAnotherCaseGetTheirOwnCost() throws {
        let ledger = try Ledger()
        try ledger.writer.write { db in
            try inventory(db)
            let matcher = try CostLineMatcher(db, policy: .production, costKinds: [CostKind(product: "Droplets")], drawnAt: Self.drawnAt)
            func match(_ name: String, _ start: Timestamp, _ end: Timestamp) -> CostLineMatcher.Outcome {
                matcher.match(InvoiceCSVLine(lineNo: 1, csvRow: 2, product: "Droplets", description: "\(name) (s-1vcpu-1gb)", hours: 1,
                                             start: start, end: end, amountCents: 1), kind: CostKind(product: "Droplets"))
            }
            let t0 = Self.t0, day = Self.day
            #expect(match("rebuilt", t0 + 10 * day, t0 + 30 * day) == .matched(resourceID: 12))
            #expect(match("rebuilt", t0, t0 + 10 * day) == .matched(resourceID: 11))
            #expect(match("WEB-1", t0, t0 + day) == .matched(resourceID: 2), "spelled exactly, though web-1 lived then")
            #expect(match("web-1", t0 + 8 * day, t0 + 20 * day) == .matched(resourceID: 1), "spelled exactly, though WEB-1 lived longer then")
            #expect(match("web-1", t0 + 11 * day, t0 + 20 * day) == .matched(resourceID: 2), "web-1 was gone when the line began")
            #expect(match("Web-1", t0 + 11 * day, t0 + 20 * day) == .matched(resourceID: 2), "no exact spelling: the one alive")
        }
    }

    /// A fuzz audit's case: web-1 destroyed on the 5th, and another droplet (in another project)
    /// renamed to web-1 on the 20th. Both rows named web-1 lived the whole of the first line's
    /// time, so the lowest id took it: the other tenant's droplet. The line's project tells them apart.
    @Test func aTieOnTimeGoesToTheResourceInTheLinesProject() throws {
        let ledger = try Ledger()
        try ledger.writer.write { db in
            let t0 = Self.t0, day = Self.day
            for (id, name) in [(1, "p-a"), (2, "p-b")] {
                try db.execute(sql: "INSERT INTO cloud_projects (id, provider_id, name, first_seen_at, last_changed_at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, "proj-\(id)", name, t0, t0])
            }
            try CloudResource(id: 1, kind: .droplet, providerID: "b2", name: "web-1", status: "active", projectID: 2, firstSeenAt: t0,
                              lastChangedAt: t0).insert(db)
            try CloudResource(id: 2, kind: .droplet, providerID: "w1", name: "web-1", status: "active", projectID: 1, firstSeenAt: t0,
                              lastChangedAt: t0, missingSince: t0 + 4 * day, staleAt: t0 + 4 * day + 1_800).insert(db)
            let matcher = try CostLineMatcher(db, policy: .production, costKinds: [CostKind(product: "Droplets")], drawnAt: Self.drawnAt)
            func match(project: String?) -> CostLineMatcher.Outcome {
                var line = InvoiceCSVLine(lineNo: 1, csvRow: 2, product: "Droplets", description: "web-1 (s-1vcpu-1gb)", hours: 96,
                                          start: t0, end: t0 + 4 * day, amountCents: 86)
                line.projectName = project
                return matcher.match(line, kind: CostKind(product: "Droplets"))
            }
            #expect(match(project: "p-a") == .matched(resourceID: 2))
            #expect(match(project: "p-b") == .matched(resourceID: 1))
            #expect(match(project: nil) == .matched(resourceID: 2), "no project: the one whose life ended where the line did")
        }
    }

    /// A fuzz audit's case: node-3 lived 8 minutes between two listings on the 12th, under the name
    /// of a droplet in another project destroyed on the 2nd. Sharing no time with either line, the
    /// old one took the line. A resource gone before the line began cannot be its resource, so the
    /// line is "destroyed before the first sync saw it"; a line of the old droplet's own life
    /// still matches it, and a droplet first seen only after its line (created in a month's last
    /// listing window) still matches its own line.
    @Test func aResourceGoneBeforeTheLineBeganIsNotItsResource() throws {
        let ledger = try Ledger()
        try ledger.writer.write { db in
            let t0 = Self.t0, day = Self.day
            try CloudResource(id: 1, kind: .droplet, providerID: "old", name: "node-3", status: "active", firstSeenAt: t0,
                              lastChangedAt: t0, missingSince: t0 + 2 * day, staleAt: t0 + 2 * day + 1_800).insert(db)
            try CloudResource(id: 2, kind: .droplet, providerID: "late", name: "late-1", status: "active", firstSeenAt: t0 + 30 * day,
                              lastChangedAt: t0 + 30 * day).insert(db)
            let matcher = try CostLineMatcher(db, policy: .production, costKinds: [CostKind(product: "Droplets")], drawnAt: Self.drawnAt)
            func match(_ name: String, _ start: Timestamp, _ end: Timestamp) -> CostLineMatcher.Outcome {
                matcher.match(InvoiceCSVLine(lineNo: 1, csvRow: 2, product: "Droplets", description: "\(name) (s-1vcpu-1gb)", hours: 1,
                                             start: start, end: end, amountCents: 1), kind: CostKind(product: "Droplets"))
            }
            let brief = t0 + 11 * day + 36_000
            #expect(match("node-3", brief, brief + 480) == .unmatched(.destroyedBeforeFirstSync))
            #expect(match("node-3", brief, brief + 3 * day) == .unmatched(.noSuchResource(name: "node-3", kind: .droplet)))
            #expect(match("node-3", t0, t0 + 2 * day - 600) == .matched(resourceID: 1))
            #expect(match("node-3", t0 + 2 * day - 600, t0 + 2 * day + 600) == .matched(resourceID: 1), "missed at the 2nd: the line began before")
            #expect(match("late-1", t0 + 30 * day - 600, t0 + 30 * day) == .matched(resourceID: 2), "zero shared time, first seen after")
        }
    }

    /// A fuzz campaign's cases (renames and reused names, with DO's invoice ingested again later):
    /// - web-1 renamed web-2 at 06:00 on May 1, after April's invoice was drawn up naming it
    ///   web-1; ingested again on the 2nd, the line found no web-1 and went unmatched;
    /// - node-2 destroyed on the 28th (first missed at 00:15) and node-1, in the same project,
    ///   renamed node-2 on the 29th: both April lines say node-2, and the destroyed one's line
    ///   (ending at the destroy) tied with node-1 on shared time and project, so the lowest id
    ///   took it. The one whose life ended where the line did takes it now.
    @Test func aResourceIsKnownByItsNameWhenTheInvoiceWasDrawnUp() throws {
        let ledger = try Ledger()
        try ledger.writer.write { db in
            let t0 = Self.t0, day = Self.day
            try CloudResource(id: 1, kind: .droplet, providerID: "w", name: "web-2", status: "active", firstSeenAt: t0 - 30 * day,
                              lastChangedAt: Self.drawnAt + 6 * 3_600).insert(db)
            try ResourceEvent(resourceID: 1, at: Self.drawnAt + 6 * 3_600, event: .changed, field: "name", oldValue: "web-1", newValue: "web-2").insert(db)
            try CloudResource(id: 2, kind: .droplet, providerID: "n1", name: "node-2", status: "active", firstSeenAt: t0 - 30 * day,
                              lastChangedAt: t0 + 28 * day).insert(db)
            try ResourceEvent(resourceID: 2, at: t0 + 28 * day, event: .changed, field: "name", oldValue: "node-1", newValue: "node-2").insert(db)
            try CloudResource(id: 3, kind: .droplet, providerID: "n2", name: "node-2", status: "active", firstSeenAt: t0 - 30 * day,
                              lastChangedAt: t0, missingSince: t0 + 27 * day + 900, staleAt: t0 + 27 * day + 2_700).insert(db)
            // Seed 101: api created at 10 d 00:01 (first listed at 00:15) and destroyed a day later; old,
            // alive all along, renamed api on day 12. Old shares 14 minutes more of api's line, but
            // within one listing window, and was not called api then.
            try CloudResource(id: 4, kind: .droplet, providerID: "a", name: "api", status: "active", firstSeenAt: t0 + 10 * day + 900,
                              lastChangedAt: t0, missingSince: t0 + 11 * day + 900, staleAt: t0 + 11 * day + 2_700).insert(db)
            try CloudResource(id: 5, kind: .droplet, providerID: "o", name: "api", status: "active", firstSeenAt: t0 - 30 * day,
                              lastChangedAt: t0 + 12 * day).insert(db)
            try ResourceEvent(resourceID: 5, at: t0 + 12 * day, event: .changed, field: "name", oldValue: "old", newValue: "api").insert(db)
            try CloudResource(id: 6, kind: .droplet, providerID: "s", name: "svc", status: "active", firstSeenAt: t0 - 30 * day,
                              lastChangedAt: t0).insert(db)
            try CloudResource(id: 7, kind: .droplet, providerID: "v", name: "Svc", status: "active", firstSeenAt: t0 - 30 * day,
                              lastChangedAt: Self.drawnAt + 3_600).insert(db)
            try ResourceEvent(resourceID: 7, at: Self.drawnAt + 3_600, event: .changed, field: "name", oldValue: "other", newValue: "Svc").insert(db)
            let matcher = try CostLineMatcher(db, policy: .production, costKinds: [CostKind(product: "Droplets")], drawnAt: Self.drawnAt)
            func match(_ name: String, _ start: Timestamp, _ end: Timestamp) -> CostLineMatcher.Outcome {
                matcher.match(InvoiceCSVLine(lineNo: 1, csvRow: 2, product: "Droplets", description: "\(name) (s-1vcpu-1gb)", hours: 1,
                                             start: start, end: end, amountCents: 1), kind: CostKind(product: "Droplets"))
            }
            #expect(match("api", t0 + 10 * day + 60, t0 + 11 * day + 60) == .matched(resourceID: 4))
            #expect(match("api", t0, Self.drawnAt) == .matched(resourceID: 5), "the renamed droplet's own month")
            #expect(match("web-1", t0, Self.drawnAt) == .matched(resourceID: 1), "web-1 when April's invoice was drawn up")
            #expect(match("web-2", t0, Self.drawnAt) == .matched(resourceID: 1), "no droplet was web-2 then; web-1 was seen so next")
            // Seed 365: Svc renamed at 23:40 on April 30 while droplet listings failed, so the ledger saw it
            // only after the invoice was drawn up naming it Svc. Spelled exactly so next, it beats svc.
            #expect(match("Svc", t0, Self.drawnAt) == .matched(resourceID: 7))
            #expect(match("svc", t0, Self.drawnAt) == .matched(resourceID: 6))
            #expect(match("node-2", t0, t0 + 27 * day) == .matched(resourceID: 3), "destroyed at the line's end")
            #expect(match("node-2", t0, Self.drawnAt) == .matched(resourceID: 2), "alive all month")
            // Drawn up before the rename (a March invoice ingested now): node-1 was node-1 then.
            let march = try CostLineMatcher(db, policy: .production, costKinds: [CostKind(product: "Droplets")], drawnAt: t0)
            let line = InvoiceCSVLine(lineNo: 1, csvRow: 2, product: "Droplets", description: "node-1 (s-1vcpu-1gb)", hours: 1,
                                      start: t0 - 30 * day, end: t0, amountCents: 1)
            #expect(march.match(line, kind: CostKind(product: "Droplets")) == .matched(resourceID: 2))
        }
    }
}
