import DigitalOcean
import Foundation
import MoneyAndTime

/// Encoded bytes the fake can serve again: whole response bodies, valid for one world revision;
/// each droplet's JSON, valid until that droplet changes; each project resource's JSON, valid
/// while it stays assigned; each list request's last page, valid while it is made of the same
/// parts. A year of 15-minute syncs over an unchanged 1,000-droplet world then costs no encoding
/// at all, and a change re-encodes one droplet and writes only the pages that show it.
struct ResponseCache {
    private var revision: UInt64?
    private var bodies: [String: Data] = [:]
    private var pages: [String: (parts: PageParts, body: Data)] = [:]
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

    /// The body of a list page: the last one served for `key` when it was made of the same parts,
    /// so a client that holds it gets the very same buffer back (and need not compare it), else
    /// `make`'s. After a droplet changes in place, the listing's other pages are served this way.
    mutating func page(for key: String, parts: PageParts, make: () -> Data) -> Data {
        if let last = pages[key], last.parts.isSame(as: parts) { return last.body }
        let body = make()
        pages[key] = (parts, body)
        return body
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

/// What a list page is written from. The fragments themselves are kept, not their addresses: a
/// kept buffer cannot be freed and reused for other bytes while the page is remembered.
struct PageParts {
    var fragments: [Data]
    var extras: [(String, Data)]
    var links: Data
    var total: Int

    func isSame(as other: PageParts) -> Bool {
        guard total == other.total, fragments.count == other.fragments.count, extras.count == other.extras.count,
              links.isSameBytes(as: other.links) else { return false }
        return zip(fragments, other.fragments).allSatisfy { $0.isSameBytes(as: $1) }
            && zip(extras, other.extras).allSatisfy { $0.0 == $1.0 && $0.1.isSameBytes(as: $1.1) }
    }
}
