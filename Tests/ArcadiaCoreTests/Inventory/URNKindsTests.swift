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
