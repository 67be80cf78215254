import DigitalOcean
import GRDB
import MoneyAndTime
@testable import ArcadiaCore

/// A ledger fed the way the sync feeds it (listings through `InventoryStore`, attribution through
/// `ProjectStore`), with two deployments: `acme-prod` owns project `acme-prod`, `beta-prod` owns
/// `beta-prod`; project `ops` belongs to no deployment.
struct MeteringLedger {
    let ledger = try! Ledger()
    /// Project row ids by name.
    private(set) var projects: [String: Int64] = [:]

    init(at start: Timestamp) throws {
        let tenancy = TenancyEngine(ledger: ledger, clock: .fixed(start))
        try tenancy.addTenant(code: "acme", name: "Acme", country: "AU")
        try tenancy.addDeployment(code: "acme-prod", tenant: "acme", name: "Acme production", project: "acme-prod")
        try tenancy.addDeployment(code: "beta-prod", tenant: "acme", name: "Acme beta", project: "beta-prod")
        let observed = ["acme-prod", "beta-prod", "ops"].map {
            ObservedProject(providerID: "uuid-\($0)", name: $0, description: "", environment: nil, isDefault: false)
        }
        projects = try ledger.writer.write { db in
            let ids = try ProjectStore.reconcile(db, observed: observed, at: start).rowIDs
            return Dictionary(uniqueKeysWithValues: observed.map { ($0.name, ids[$0.providerID]!) })
        }
    }

    /// One complete listing of `kind` at `time`.
    func list(_ kind: ResourceKind, _ resources: [ObservedResource], at time: Timestamp) throws {
        try ledger.writer.write { db in _ = try InventoryStore.reconcile(db, kind: kind, observed: resources, at: time) }
    }

    /// A listing of `kind` that failed at `time` (what `InventorySync` records beside the failure).
    func failListing(_ kind: ResourceKind, at time: Timestamp) throws {
        try ledger.writer.write { db in try ListingOutage.recordFailure(db, kind: kind, at: time) }
    }

    /// The projects pass saw `providerID` under `project` at `time`.
    func attribute(_ kind: ResourceKind, _ providerID: String, to project: String, at time: Timestamp) throws {
        let assignment = ProjectStore.Assignment(projectRowID: projects[project]!, projectName: project, members: [(kind, providerID)])
        try ledger.writer.write { db in _ = try ProjectStore.attribute(db, [assignment], at: time) }
    }

    func engine(at time: Timestamp) -> MeteringEngine { MeteringEngine(ledger: ledger, clock: .fixed(time)) }

    /// Meters `day` at 01:10 the next day, as the job does.
    @discardableResult
    func meter(_ day: Timestamp) throws -> MeteringReport {
        try engine(at: day + 86_400 + 70 * 60).meter(day: day)
    }

    /// Records as `deployment kind resource period-start granularity quantity`, in a stable order.
    func records() throws -> [String] {
        try ledger.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.code, u.billing_kind, r.name, u.period_start, u.granularity, u.quantity
                FROM usage_records u JOIN deployments d ON d.id = u.deployment_id JOIN cloud_resources r ON r.id = u.resource_id
                ORDER BY d.code, r.name, u.period_start, u.granularity
                """).map { row in (0..<6).map { row[$0] as String }.joined(separator: " ") }
        }
    }

    func usage(_ deployment: String, from: Timestamp, to: Timestamp) throws -> [BillingKind: String] {
        try engine(at: to).usageForPeriod(deployment: deployment, from: from, to: to).mapValues { "\($0)" }
    }

    static func droplet(_ id: Int, _ name: String, status: String = "active", size: String = "s-1vcpu-1gb") -> ObservedResource {
        ObservedResource(kind: .droplet, providerID: String(id), name: name, status: status, region: "syd1", sizeSlug: size)
    }

    static func zone(_ name: String) -> ObservedResource {
        ObservedResource(kind: .dnsZone, providerID: name, name: name, status: "active", attributes: ["ttl": 1800])
    }

    static func sized(_ kind: ResourceKind, _ id: String, _ name: String, gigabytes: JSONValue?, extra: [String: JSONValue] = [:]) -> ObservedResource {
        var attributes = extra
        if let gigabytes { attributes["size_gigabytes"] = gigabytes }
        return ObservedResource(kind: kind, providerID: id, name: name, status: "available", attributes: attributes)
    }
}
