import ArcadiaCore
import Testing

@Suite struct URNKindsTests {
    @Test(arguments: [
        ("droplet", "droplet"), ("domain", "dns_zone"), ("space", "spaces_bucket"), ("floatingip", "floating_ip"),
        ("reservedip", "floating_ip"), ("loadbalancer", "load_balancer"), ("dbaas", "managed_db"),
        ("kubernetes", "k8s_cluster"), ("volumesnapshot", "snapshot"), ("image", "snapshot"), ("volume", "volume"),
    ])
    func knownTypesMapToLocalKinds(type: String, kind: String) {
        let mapped = URNKinds.kind(forURNType: type)
        #expect(mapped.kind.rawValue == kind)
        #expect(mapped.known)
    }

    @Test func unknownTypesAreKeptVerbatimAndFlagged() {
        let mapped = URNKinds.kind(forURNType: "app")
        #expect(mapped.kind.rawValue == "app")
        #expect(!mapped.known)
    }

    @Test func parsingKeepsColonsInTheIDAndRejectsGarbage() {
        #expect(URNKinds.parse("do:domain:example.com")! == ("domain", "example.com"))
        #expect(URNKinds.parse("do:floatingipv6:2604:a880::1")! == ("floatingipv6", "2604:a880::1"))
        #expect(URNKinds.parse("droplet:1") == nil)
        #expect(URNKinds.parse("do::1") == nil)
        #expect(URNKinds.parse("aws:droplet:1") == nil)
    }
}

extension URNKindsTests {
    /// The projects pass discovers exactly the kinds no worker lists: Spaces buckets, managed
    /// databases and Kubernetes clusters among the known ones, and every unknown type.
    @Test func kindsWithoutAWorkerAreDiscoveredAndTheRestOnlyAttributed() {
        #expect(URNKinds.discoveredWithoutWorker == [.spacesBucket, .managedDB, .k8sCluster])
        #expect(URNKinds.synced.isDisjoint(with: URNKinds.discoveredWithoutWorker))
        for type in ["space", "dbaas", "kubernetes"] {
            #expect(URNKinds.discoveredWithoutWorker.contains(URNKinds.kind(forURNType: type).kind), "\(type)")
        }
        for type in ["droplet", "domain", "volume", "floatingip", "reservedip", "loadbalancer", "volumesnapshot", "image", "firewall"] {
            #expect(URNKinds.synced.contains(URNKinds.kind(forURNType: type).kind), "\(type) has a worker")
        }
        #expect(!URNKinds.synced.contains(URNKinds.kind(forURNType: "app").kind))
    }
}
