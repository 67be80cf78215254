@testable import ArcadiaCore
import Testing

@Suite struct CostKindTests {
    @Test(arguments: [
        ("Droplet Snapshots", CostKind.snapshot), ("Volume Snapshots", .snapshot), ("Snapshots", .snapshot),
        ("Droplet Backups", .dropletBackup), ("Backups", .dropletBackup), ("Droplets", .droplet), ("Volumes", .volume),
        ("Floating IPs", .floatingIP), ("Reserved IPs", .floatingIP), ("Load Balancers", .loadBalancer),
        ("Spaces Subscription", .spacesBucket), ("Spaces", .spacesBucket), ("Kubernetes Clusters", .k8sCluster),
        ("Database Clusters", .managedDB), ("Managed Databases", .managedDB), ("Taxes", .tax),
        ("droplet backups", .dropletBackup), ("DROPLETS", .droplet), ("App Platform", .other), ("", .other),
    ] as [(String, CostKind)])
    func derivesTheKindFromTheProduct(product: String, kind: CostKind) {
        #expect(CostKind(product: product) == kind)
    }

    @Test func specificPhrasesComeBeforeTheProductsTheyContain() {
        #expect(CostKind(product: "Droplets Backups") == .dropletBackup, "contains both 'Droplets' and 'Backups'")
        #expect(CostKind(product: "Droplets Snapshots") == .snapshot)
        #expect(CostKind(product: "Spaces Subscription (Spaces)") == .spacesBucket)
    }

    @Test(arguments: [
        (CostKind.dropletBackup, ResourceKind?.some(.droplet)), (.droplet, .droplet), (.snapshot, .snapshot),
        (.volume, .volume), (.tax, nil), (.spacesBucket, nil), (.other, nil),
    ] as [(CostKind, ResourceKind?)])
    func mapsToTheInventoryKindMatchedAgainst(kind: CostKind, inventory: ResourceKind?) {
        #expect(kind.inventoryKind == inventory)
    }

    @Test(arguments: [
        (CostKind.droplet, "web-1 (s-1vcpu-1gb)", String?.none, "web-1"),
        (.dropletBackup, "web-1 (Weekly Backup Services)", nil, "web-1"),
        (.volume, "data-1 (nyc1) 100GB", nil, "data-1"),
        (.droplet, "plain-name", nil, "plain-name"),
        (.floatingIP, "Unused Floating IP - 1.1.1.1", nil, "1.1.1.1"),
        (.k8sCluster, "a56e086a317d8410c8b4cfd1f4dc9f82", "my-doks-cluster", "my-doks-cluster"),
        (.k8sCluster, "pool-1 (s-2vcpu-4gb)", "", "pool-1"),
    ] as [(CostKind, String, String?, String)])
    func takesTheNameFromTheDescription(kind: CostKind, description: String, group: String?, name: String) {
        #expect(CostLineName.name(kind: kind, description: description, groupDescription: group) == name)
    }

    @Test(arguments: [(0, 0, "n/a"), (0, 3, "0.0%"), (2, 3, "66.7%"), (1, 3, "33.3%"), (1, 8, "12.5%"), (3, 3, "100.0%"),
                      (1, 2_000, "0.1%"), (1, 2_001, "0.0%")] as [(Int, Int, String)])
    func matchRatesRoundHalfUpToOneDecimal(matched: Int, total: Int, text: String) {
        #expect(MatchRate(matched: matched, total: total).percentText == text)
    }
}
