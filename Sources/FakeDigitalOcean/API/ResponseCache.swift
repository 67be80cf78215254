import Foundation
import MoneyAndTime

/// Encoded bytes the fake can serve again: whole response bodies, valid for one world revision;
/// each droplet's JSON, valid until that droplet changes; each project resource's JSON, valid
/// while it stays assigned. A year of 15-minute syncs over an unchanged 1,000-droplet world then
/// costs no encoding at all, and a change re-encodes one droplet.
struct ResponseCache {
    private var revision: UInt64?
    private var bodies: [String: Data] = [:]
    private var droplets: [Int: (version: UInt64, json: Data)] = [:]
    private var assignments: [String: (assignedAt: Timestamp, json: Data)] = [:]

    /// Drops bodies from older revisions and, now and then, JSON of droplets that no longer exist
    /// and of resources no longer in a project.
    mutating func begin(revision: UInt64, world: FakeWorld) {
        guard revision != self.revision else { return }
        self.revision = revision
        bodies.removeAll(keepingCapacity: true)
        if droplets.count > world.droplets.count + 256 {
            droplets = droplets.filter { world.droplets[$0.key] != nil }
        }
        if assignments.count > world.projectIDByURN.count + 256 {
            assignments = assignments.filter { world.projectIDByURN[$0.key] != nil }
        }
    }

    func body(for key: String) -> Data? {
        bodies[key]
    }

    mutating func store(body: Data, for key: String) {
        bodies[key] = body
    }

    mutating func json(for assignment: FakeProject.Assignment, encode: (FakeProject.Assignment) -> Data) -> Data {
        if let cached = assignments[assignment.urn], cached.assignedAt == assignment.assignedAt { return cached.json }
        let json = encode(assignment)
        assignments[assignment.urn] = (assignment.assignedAt, json)
        return json
    }

    mutating func json(for droplet: FakeDroplet, encode: (FakeDroplet) -> Data) -> Data {
        if let cached = droplets[droplet.id], cached.version == droplet.version { return cached.json }
        let json = encode(droplet)
        droplets[droplet.id] = (droplet.version, json)
        return json
    }
}
