import DigitalOcean
import GRDB
import MoneyAndTime

/// The tenancy tables (`tenants`, `deployments`, `subscriptions`, `subscription_addons`) at the
/// level of one database transaction. `TenancyEngine` wraps each call in a write, so a refused
/// change leaves the ledger as it was.
enum TenancyStore {
    static func addTenant(_ db: Database, code: String, name: String, country: String) throws -> Int64 {
        try checkCode(code)
        try checkName(name, field: "name")
        guard CountryCode.isAssigned(country) else { throw TenancyError.invalidCountry(country) }
        guard try tenantID(db, code: code) == nil else { throw TenancyError.duplicateTenant(code) }
        try db.execute(sql: "INSERT INTO tenants (code, name, country) VALUES (?, ?, ?)", arguments: [code, name, country])
        return db.lastInsertedRowID
    }

    static func addDeployment(_ db: Database, code: String, tenant: String, name: String, project: String) throws -> Int64 {
        try checkCode(code)
        try checkName(name, field: "name")
        try checkName(project, field: "project")
        guard try deploymentID(db, code: code) == nil else { throw TenancyError.duplicateDeployment(code) }
        guard let tenantID = try tenantID(db, code: tenant) else { throw TenancyError.unknownTenant(tenant) }
        if let owner = try String.fetchOne(db, sql: "SELECT code FROM deployments WHERE project_name = ?", arguments: [project]) {
            throw TenancyError.projectOwned(project: project, deployment: owner)
        }
        try db.execute(sql: "INSERT INTO deployments (code, tenant_id, name, project_name) VALUES (?, ?, ?, ?)",
                       arguments: [code, tenantID, name, project])
        return db.lastInsertedRowID
    }

    static func subscribe(_ db: Database, deployment: String, plan: String, addons: [String], at time: Timestamp) throws -> Subscription {
        let deploymentID = try requireDeployment(db, code: deployment)
        if let live = try live(db, deploymentID: deploymentID) {
            throw TenancyError.alreadySubscribed(deployment: deployment, plan: live.planCode, since: live.startedAt)
        }
        return try insert(db, deploymentID: deploymentID, code: deployment, plan: plan, addons: try addonSet(addons), at: time)
    }

    /// Ends the live row at `time` and starts the next; `nil` keeps the plan or the addons as they are.
    static func change(_ db: Database, deployment: String, plan: String?, addons: [String]?, at time: Timestamp) throws -> Subscription {
        let newAddons = try addons.map(addonSet)
        let current = try endLive(db, deployment: deployment, at: time) { current in
            guard (plan ?? current.planCode) != current.planCode || (newAddons ?? current.addonCodes) != current.addonCodes else {
                throw TenancyError.unchanged(deployment: deployment, plan: current.planCode)
            }
        }
        return try insert(db, deploymentID: current.deploymentID, code: deployment, plan: plan ?? current.planCode,
                          addons: newAddons ?? current.addonCodes, at: time)
    }

    static func end(_ db: Database, deployment: String, at time: Timestamp) throws -> Subscription {
        try endLive(db, deployment: deployment, at: time) { _ in }
    }

    /// The deployment's live subscription, if any.
    static func live(_ db: Database, deploymentID: Int64) throws -> Subscription? {
        try Subscription.fetchAll(db, where: "s.deployment_id = ? AND s.ended_at IS NULL", arguments: [deploymentID]).first
    }

    static func requireDeployment(_ db: Database, code: String) throws -> Int64 {
        guard let id = try deploymentID(db, code: code) else { throw TenancyError.unknownDeployment(code) }
        return id
    }

    private static func endLive(_ db: Database, deployment: String, at time: Timestamp,
                                refuseIf check: (Subscription) throws -> Void) throws -> Subscription {
        let deploymentID = try requireDeployment(db, code: deployment)
        guard var current = try live(db, deploymentID: deploymentID) else {
            throw TenancyError.notSubscribed(deployment: deployment, at: time)
        }
        guard time > current.startedAt else {
            throw TenancyError.endsAtItsStart(deployment: deployment, startedAt: current.startedAt)
        }
        try check(current)
        try db.execute(sql: "UPDATE subscriptions SET ended_at = ? WHERE id = ?", arguments: [time.iso8601, current.id])
        current.endedAt = time
        return current
    }

    private static func insert(_ db: Database, deploymentID: Int64, code: String, plan: String, addons: [String],
                               at time: Timestamp) throws -> Subscription {
        guard !plan.isEmpty else { throw TenancyError.emptyCode(kind: "plan") }
        try db.execute(sql: "INSERT INTO subscriptions (deployment_id, plan_code, started_at) VALUES (?, ?, ?)",
                       arguments: [deploymentID, plan, time.iso8601])
        let id = db.lastInsertedRowID
        for addon in addons {
            try db.execute(sql: "INSERT INTO subscription_addons (subscription_id, addon_code) VALUES (?, ?)", arguments: [id, addon])
        }
        return Subscription(id: id, deploymentID: deploymentID, deploymentCode: code, planCode: plan, addonCodes: addons,
                            startedAt: time, endedAt: nil)
    }

    /// Sorted and checked for repeats: the stored set, so "the same addons" compares equal in any order.
    private static func addonSet(_ addons: [String]) throws -> [String] {
        let sorted = addons.sorted()
        for (index, addon) in sorted.enumerated() {
            guard !addon.isEmpty else { throw TenancyError.emptyCode(kind: "addon") }
            if index > 0, sorted[index - 1] == addon { throw TenancyError.duplicateAddon(addon) }
        }
        return sorted
    }

    private static func tenantID(_ db: Database, code: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM tenants WHERE code = ?", arguments: [code])
    }

    private static func deploymentID(_ db: Database, code: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM deployments WHERE code = ?", arguments: [code])
    }

    private static func checkName(_ name: String, field: String) throws {
        if let problem = DisplayName.problem(name) { throw TenancyError.invalidName(field: field, problem: problem) }
    }

    private static func checkCode(_ code: String) throws {
        guard TenancyCode.isValid(code) else { throw TenancyError.invalidCode(code) }
    }
}
