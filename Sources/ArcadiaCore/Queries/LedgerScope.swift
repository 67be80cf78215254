/// Whose rows a read may return. The ledger's read queries (this folder) take a scope rather than
/// trusting each caller to add a tenant filter: a tenant's view is decided once, here, next to the
/// SQL, so no endpoint can forget it.
///
/// Why the queries live in the engine floor and not in the service: the tables belong to the
/// engines that write them (`DriftSchema`, `RevenueSchema`, …) and a schema change must break a
/// test in this module, not only an HTTP test two floors up; the queries return values (DESIGN §4)
/// that a CLI report or a workbench check can reuse; and the service is left with what is HTTP's:
/// parameters, authentication, status codes and JSON.
public enum LedgerScope: Sendable, Equatable {
    /// The platform: every row.
    case platform
    /// One tenant, by `tenants.code`: its deployments' resources and its own invoices only.
    case tenant(code: String)

    /// The tenant code to filter on, nil for the platform.
    var tenantCode: String? {
        if case .tenant(let code) = self { return code }
        return nil
    }
}
