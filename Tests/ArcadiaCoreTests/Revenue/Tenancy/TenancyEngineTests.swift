import DigitalOcean
import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

@Suite struct TenancyEngineTests {
    let ledger = try! Ledger()
    static let t0 = Timestamp(year: 2026, month: 5, day: 1)

    func engine(at hours: Int64 = 0) -> TenancyEngine { TenancyEngine(ledger: ledger, clock: .fixed(Self.t0 + hours * 3_600)) }

    func setUp() throws {
        try engine().addTenant(code: "acme", name: "Acme", country: "AU")
        try engine().addDeployment(code: "acme-prod", tenant: "acme", name: "Acme production", project: "acme-prod")
    }

    /// Every subscription row as `deployment plan [addons] started→ended`.
    func rows() throws -> [String] {
        try ledger.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, d.code, s.plan_code, s.started_at, s.ended_at FROM subscriptions s
                JOIN deployments d ON d.id = s.deployment_id ORDER BY s.id
                """).map { row in
                let addons = try String.fetchAll(db, sql: "SELECT addon_code FROM subscription_addons WHERE subscription_id = ? ORDER BY addon_code",
                                                 arguments: [row[0] as Int64])
                return "\(row[1] as String) \(row[2] as String) [\(addons.joined(separator: ","))] \(row[3] as String)→\(row[4] as String? ?? "")"
            }
        }
    }

    /// Everything the tenancy tables hold (SQLite's change counter counts rolled-back writes too).
    func snapshot() throws -> [String] {
        try rows() + ledger.writer.read { db in
            try String.fetchAll(db, sql: "SELECT code || ' ' || name || ' ' || country FROM tenants ORDER BY id")
                + String.fetchAll(db, sql: "SELECT code || ' ' || tenant_id || ' ' || project_name FROM deployments ORDER BY id")
        }
    }

    @Test func aChangeEndsTheRowAtThatInstantAndStartsTheNext() throws {
        try setUp()
        try engine(at: 0).subscribe(deployment: "acme-prod", plan: "starter", addons: ["backups"])
        let changed = try engine(at: 24).changeSubscription(deployment: "acme-prod", addons: ["storage_50gb", "backups"])
        #expect(changed.planCode == "starter" && changed.addonCodes == ["backups", "storage_50gb"])
        try engine(at: 48).changeSubscription(deployment: "acme-prod", plan: "pro", addons: [])
        let ended = try engine(at: 72).endSubscription(deployment: "acme-prod")
        #expect(ended.endedAt == Self.t0 + 72 * 3_600)
        #expect(try rows() == [
            "acme-prod starter [backups] 2026-05-01T00:00:00Z→2026-05-02T00:00:00Z",
            "acme-prod starter [backups,storage_50gb] 2026-05-02T00:00:00Z→2026-05-03T00:00:00Z",
            "acme-prod pro [] 2026-05-03T00:00:00Z→2026-05-04T00:00:00Z",
        ])
        #expect(try engine(at: 73).liveSubscription(deployment: "acme-prod") == nil)
        try engine(at: 96).subscribe(deployment: "acme-prod", plan: "pro")
        #expect(try engine(at: 97).liveSubscription(deployment: "acme-prod")?.startedAt == Self.t0 + 96 * 3_600)
    }

    @Test func refusedChangesNameWhyAndLeaveTheLedgerAsItWas() throws {
        try setUp()
        try engine(at: 0).subscribe(deployment: "acme-prod", plan: "starter", addons: ["backups"])
        let before = try snapshot()
        let cases: [(TenancyError, () throws -> Void)] = [
            (.unknownDeployment("nope"), { try engine(at: 1).subscribe(deployment: "nope", plan: "starter") }),
            (.alreadySubscribed(deployment: "acme-prod", plan: "starter", since: Self.t0),
             { try engine(at: 1).subscribe(deployment: "acme-prod", plan: "pro") }),
            (.endsAtItsStart(deployment: "acme-prod", startedAt: Self.t0), { try engine(at: 0).changeSubscription(deployment: "acme-prod", plan: "pro") }),
            (.endsAtItsStart(deployment: "acme-prod", startedAt: Self.t0), { try engine(at: 0).endSubscription(deployment: "acme-prod") }),
            (.unchanged(deployment: "acme-prod", plan: "starter"),
             { try engine(at: 1).changeSubscription(deployment: "acme-prod", plan: "starter", addons: ["backups"]) }),
            (.duplicateAddon("x"), { try engine(at: 1).changeSubscription(deployment: "acme-prod", addons: ["x", "x"]) }),
            // Refused after the live row was ended inside the transaction: the end is rolled back too.
            (.emptyCode(kind: "plan"), { try engine(at: 1).changeSubscription(deployment: "acme-prod", plan: "") }),
            (.duplicateTenant("acme"), { try engine().addTenant(code: "acme", name: "Again", country: "AU") }),
            (.invalidCountry("Australia"), { try engine().addTenant(code: "oz", name: "Oz", country: "Australia") }),
            (.invalidCountry("XX"), { try engine().addTenant(code: "oz", name: "Oz", country: "XX") }),
            (.invalidCode("Big Co"), { try engine().addTenant(code: "Big Co", name: "Big", country: "US") }),
            (.unknownTenant("nope"), { try engine().addDeployment(code: "x", tenant: "nope", name: "X", project: "x") }),
            (.projectOwned(project: "acme-prod", deployment: "acme-prod"),
             { try engine().addDeployment(code: "acme-2", tenant: "acme", name: "Two", project: "acme-prod") }),
            (.duplicateDeployment("acme-prod"), { try engine().addDeployment(code: "acme-prod", tenant: "acme", name: "X", project: "p") }),
            // Names are printed: an audit had a NUL, a bell and a right-to-left override accepted.
            (.invalidName(field: "name", problem: DisplayName.problem("A\u{0}B")!), { try engine().addTenant(code: "oz", name: "A\u{0}B", country: "AU") }),
            (.invalidName(field: "name", problem: DisplayName.problem("   ")!), { try engine().addTenant(code: "oz", name: "   ", country: "AU") }),
            (.invalidName(field: "project", problem: DisplayName.problem("\n")!),
             { try engine().addDeployment(code: "x", tenant: "acme", name: "X", project: "\n") }),
        ]
        for (expected, attempt) in cases {
            #expect(throws: expected) { try attempt() }
        }
        #expect(try snapshot() == before)
        try engine(at: 2).endSubscription(deployment: "acme-prod")
        #expect(throws: TenancyError.notSubscribed(deployment: "acme-prod", at: Self.t0 + 3 * 3_600)) {
            try engine(at: 3).endSubscription(deployment: "acme-prod")
        }
    }

    @Test func aNameHoldsOnlyVisibleTextOfAProjectNamesLength() {
        #expect(DisplayName.problem("Acme Pty Ltd — Sydney") == nil)
        #expect(DisplayName.problem("évolution 東京") == nil)
        #expect(DisplayName.problem("") == "must not be empty or only spaces")
        #expect(DisplayName.problem(" \t ") == "must not be empty or only spaces")
        #expect(DisplayName.problem("ok\u{7}")?.hasPrefix("holds U+0007, a control or direction character") == true)
        #expect(DisplayName.problem("abc\u{202E}lve") != nil, "a right-to-left override")
        #expect(DisplayName.problem("a\u{85}") != nil, "a C1 control")
        #expect(DisplayName.problem(String(repeating: "x", count: 175)) == nil)
        #expect(DisplayName.problem(String(repeating: "x", count: 176)) == "is 176 characters long; a name may have at most 175")
    }

    @Test func refusalsReadAsSentences() {
        #expect(TenancyError.alreadySubscribed(deployment: "d", plan: "p", since: Self.t0).description
            == "deployment 'd' already has a live subscription (plan 'p' since 2026-05-01T00:00:00Z); change it or end it first")
        #expect(TenancyError.projectOwned(project: "p", deployment: "d").description == "project 'p' already belongs to deployment 'd'")
    }
}
