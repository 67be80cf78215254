import ArcadiaCore
import DigitalOcean
import GRDB
import MoneyAndTime

/// Observed resources and ledger helpers shared by the engine and workbench tests.
public enum InventoryFixtures {
    public static let t0 = Timestamp(year: 2026, month: 4, day: 1)

    public static func droplet(_ id: Int, name: String, size: String = "s-1vcpu-1gb", status: String = "active",
                               tags: [String] = []) -> ObservedResource {
        ObservedResource(kind: .droplet, providerID: String(id), name: name, status: status, region: "syd1", sizeSlug: size,
                         attributes: ["tags": .strings(tags), "vcpus": 1])
    }

    /// Every event in the ledger as `event field old→new` lines for one resource, oldest first.
    public static func events(_ ledger: Ledger, providerID: String) throws -> [String] {
        try ledger.read { db in
            try ResourceEvent.fetchAll(db, sql: """
                SELECT e.* FROM cloud_resource_events e
                JOIN cloud_resources r ON r.id = e.resource_id WHERE r.provider_id = ? ORDER BY e.id
                """, arguments: [providerID]).map { event in
                guard let field = event.field else { return event.event.rawValue }
                return "\(event.event.rawValue) \(field) \(event.oldValue ?? "∅")→\(event.newValue ?? "∅")"
            }
        }
    }

    /// Total rows changed in the ledger so far; a quiet sync must not move it.
    public static func totalChanges(_ ledger: Ledger) throws -> Int {
        try ledger.read { $0.totalChangesCount }
    }
}
