import GRDB

/// Tenants and deployments for the admin API, by code, each deployment with its tenant's code and
/// its live subscription.
public enum TenancyQuery {
    public struct DeploymentView: Sendable, Equatable {
        public var deployment: Deployment
        public var tenantCode: String
        public var liveSubscription: Subscription?
    }

    public static func tenants(page: PageRequest, in ledger: Ledger) async throws -> QueryPage<Tenant> {
        try await ledger.read { db in
            QueryPage(items: try Tenant.order(Tenant.Columns.code).limit(page.limit, offset: page.offset).fetchAll(db),
                      total: try Tenant.fetchCount(db), request: page)
        }
    }

    public static func deployments(page: PageRequest, in ledger: Ledger) async throws -> QueryPage<DeploymentView> {
        try await ledger.read { db in
            let deployments = try Deployment.order(Deployment.Columns.code).limit(page.limit, offset: page.offset).fetchAll(db)
            return QueryPage(items: try deployments.map { try view($0, db) }, total: try Deployment.fetchCount(db), request: page)
        }
    }

    /// One deployment, or nil.
    public static func deployment(code: String, in ledger: Ledger) async throws -> DeploymentView? {
        try await ledger.read { db in
            guard let deployment = try Deployment.filter(Deployment.Columns.code == code).fetchOne(db) else { return nil }
            return try view(deployment, db)
        }
    }

    private static func view(_ deployment: Deployment, _ db: Database) throws -> DeploymentView {
        DeploymentView(deployment: deployment,
                       tenantCode: try String.fetchOne(db, Tenant.select(Tenant.Columns.code).filter(key: deployment.tenantID)) ?? "",
                       liveSubscription: try TenancyStore.live(db, deploymentID: deployment.id))
    }
}
