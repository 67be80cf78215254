import DigitalOcean
import MoneyAndTime

/// A cloud firewall in the fake world. DO's projects do not hold firewalls, so it has no URN.
struct FakeFirewall: Sendable {
    let id: String
    var name: String
    let createdAt: Timestamp
    var dropletIDs: [Int]
    var tags: [String]
    var inbound: [FirewallInboundRule]
    var outbound: [FirewallOutboundRule]

    /// Always `succeeded`: the fake applies a firewall the instant it changes.
    var model: Firewall {
        Firewall(id: id, name: name, status: "succeeded", inboundRules: inbound, outboundRules: outbound,
                 createdAt: createdAt.iso8601, dropletIDs: dropletIDs, tags: tags, pendingChanges: [])
    }
}
