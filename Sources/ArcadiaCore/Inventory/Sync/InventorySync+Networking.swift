import DigitalOcean

/// The firewall and load balancer workers: the same list → normalize → upsert → stale pattern.
extension InventorySync {
    public func syncFirewalls() async throws -> SyncReport {
        try await syncKind(.syncFirewalls) {
            try await client.list(.firewalls, decoding: Firewall.self, transform: Normalize.firewall)
        }
    }

    public func syncLoadBalancers() async throws -> SyncReport {
        try await syncKind(.syncLoadBalancers) {
            try await client.list(.loadBalancers, decoding: LoadBalancer.self, transform: Normalize.loadBalancer)
        }
    }
}
