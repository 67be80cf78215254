import Foundation

/// Encoded bytes the fake can serve again: whole response bodies, valid for one world revision,
/// and each droplet's JSON, valid until that droplet changes. A year of 15-minute syncs over an
/// unchanged 1,000-droplet world then costs no encoding at all, and a change re-encodes one droplet.
struct ResponseCache {
    private var revision: UInt64?
    private var bodies: [String: Data] = [:]
    private var droplets: [Int: (version: UInt64, json: Data)] = [:]

    /// Drops bodies from older revisions and, now and then, JSON of droplets that no longer exist.
    mutating func begin(revision: UInt64, liveDroplets: Int, isLive: (Int) -> Bool) {
        guard revision != self.revision else { return }
        self.revision = revision
        bodies.removeAll(keepingCapacity: true)
        if droplets.count > liveDroplets + 256 {
            droplets = droplets.filter { isLive($0.key) }
        }
    }

    func body(for key: String) -> Data? {
        bodies[key]
    }

    mutating func store(body: Data, for key: String) {
        bodies[key] = body
    }

    mutating func json(for droplet: FakeDroplet, encode: (FakeDroplet) -> Data) -> Data {
        if let cached = droplets[droplet.id], cached.version == droplet.version { return cached.json }
        let json = encode(droplet)
        droplets[droplet.id] = (droplet.version, json)
        return json
    }
}
