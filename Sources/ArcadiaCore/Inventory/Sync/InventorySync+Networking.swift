import DigitalOcean

/// The firewall and load balancer workers: the same list → normalize → upsert → stale pattern.
extension InventorySync {
    public func syncFirewalls() async throws -> SyncReport {
        try await syncKind(.syncFirewalls, kind: .firewall) { try await client.firewalls() } normalize: { Normalize.firewall($0) }
    }

    public func syncLoadBalancers() async throws -> SyncReport {
        try await syncKind(.syncLoadBalancers, kind: .loadBalancer) { try await client.loadBalancers() } normalize: {
            Normalize.loadBalancer($0)
        }
    }
}
