import DigitalOcean
import Foundation
import MoneyAndTime

/// Encoded bytes the fake can serve again: whole response bodies, valid for one world revision;
/// each droplet's JSON, valid until that droplet changes; each project resource's JSON, valid
/// while it stays assigned; each list request's last page, valid while it is made of the same
/// parts. A year of 15-minute syncs over an unchanged 1,000-droplet world then costs no encoding
/// at all, and a change re-encodes one droplet and writes only the pages that show it.
struct ResponseCache {
    /// False: nothing is kept, every response is made anew (a test's plain path).
    let keeps: Bool
    private var revision: UInt64?
    private var bodies: [String: Data] = [:]
    private var pages: [String: (parts: PageParts, body: Data)] = [:]
    /// Every live droplet's JSON in listing order, with the version it was made from, as of
    /// `dropletVersions` (the world's, kept).
    private var droplets: [(id: Int, version: UInt64, json: Data)] = []
    private var dropletVersions: [UInt64] = []
    private var dropletJSON = DropletJSON()
    private var assignments: [String: (assignedAt: Timestamp, json: Data)] = [:]
    /// Each project's JSON with the model it was made from.
    private var projects: [String: (model: Project, json: Data)] = [:]
    /// Each project's resource list as last rendered, kept so that its buffer identifies it.
    private var projectResources: [String: (resources: [FakeProject.Assignment], fragments: [Data])] = [:]
    /// Each droplet's backups' JSON as last listed, by droplet, with the backup ids it shows.
    private var dropletBackups: [Int: (ids: [Int], fragments: [Data])] = [:]

    init(keeps: Bool) {
        self.keeps = keeps
    }

    /// Drops bodies from older revisions and, now and then, JSON of resources no longer in a
    /// project and of projects that are gone (the droplet list holds only live droplets).
    mutating func begin(revision: UInt64, world: FakeWorld) {
        guard revision != self.revision else { return }
        self.revision = revision
        bodies.removeAll(keepingCapacity: true)
        if assignments.count > world.projectIDByURN.count + 256 {
            assignments = assignments.filter { world.projectIDByURN[$0.key] != nil }
        }
        if dropletBackups.count > world.droplets.count + 256 {
            dropletBackups = dropletBackups.filter { world.droplets[$0.key] != nil }
        }
        if projectResources.count > world.projects.count + 16 {
            projectResources = projectResources.filter { entry in world.projects.contains { $0.id == entry.key } }
            projects = projects.filter { entry in world.projects.contains { $0.id == entry.key } }
        }
    }

    func body(for key: String) -> Data? {
        keeps ? bodies[key] : nil
    }

    mutating func store(body: Data, for key: String) {
        if keeps { bodies[key] = body }
    }

    /// The body of a list page: the last one served for `key` when it was made of the same parts,
    /// so a client that holds it gets the very same buffer back (and need not compare it), else
    /// `make`'s. After a droplet changes in place, the listing's other pages are served this way.
    mutating func page(for key: String, parts: PageParts, make: () -> Data) -> Data {
        guard keeps else { return make() }
        if let last = pages[key], last.parts.isSame(as: parts) { return last.body }
        let body = make()
        pages[key] = (parts, body)
        return body
    }

    /// A project's JSON: the last made when its model is the same (projects change rarely, and
    /// every projects pass lists them all).
    mutating func json(for project: Project, encode: (Project) -> Data) -> Data {
        guard keeps else { return encode(project) }
        if let cached = projects[project.id], cached.model == project { return cached.json }
        let json = encode(project)
        projects[project.id] = (project, json)
        return json
    }

    /// The JSON of each resource in `project`, in its order. A list unchanged since the last call
    /// is the very array kept then (the kept copy holds its buffer, so any change to the project's
    /// list makes a new one), and costs no lookup per resource.
    mutating func fragments(of project: FakeProject, encode: (FakeProject.Assignment) -> Data) -> [Data] {
        guard keeps else { return project.resources.map(encode) }
        if let cached = projectResources[project.id], cached.resources.isSameArray(as: project.resources) { return cached.fragments }
        let fragments = project.resources.map { json(for: $0, encode: encode) }
        projectResources[project.id] = (project.resources, fragments)
        return fragments
    }

    /// The JSON of each of `droplet`'s backups, oldest first. A backup never changes once taken
    /// and its id is never used again, so only the backups taken since the droplet's last listing
    /// are encoded: with backups on every droplet, the hourly per-droplet listings otherwise
    /// re-encoded each droplet's whole retention (seven a day for a daily plan).
    mutating func fragments(ofBackupsOf droplet: FakeDroplet, encode: (FakeBackup) -> Data) -> [Data] {
        guard keeps else { return droplet.backups.map(encode) }
        let kept = dropletBackups[droplet.id]
        if let kept, kept.ids.elementsEqual(droplet.backups.lazy.map(\.id)) { return kept.fragments }
        var known: [Int: Data] = [:]
        if let kept { for (id, json) in zip(kept.ids, kept.fragments) { known[id] = json } }
        let fragments = droplet.backups.map { known[$0.id] ?? encode($0) }
        dropletBackups[droplet.id] = (droplet.backups.map(\.id), fragments)
        return fragments
    }

    private mutating func json(for assignment: FakeProject.Assignment, encode: (FakeProject.Assignment) -> Data) -> Data {
        if let cached = assignments[assignment.urn], cached.assignedAt == assignment.assignedAt { return cached.json }
        let json = encode(assignment)
        assignments[assignment.urn] = (assignment.assignedAt, json)
        return json
    }

    /// Every live droplet's JSON in listing order, brought up to date only when a droplet changed:
    /// every change writes the world's `dropletVersions`, and the copy kept here holds its buffer,
    /// so the same buffer means the same droplets. With the same ids, each changed droplet is
    /// encoded again in place; after a create or destroy the world's ids and versions are walked
    /// beside the last list (both ascending). Either way only a changed or new droplet is encoded.
    mutating func droplets(of world: FakeWorld, encoder: JSONEncoder) -> [(id: Int, version: UInt64, json: Data)] {
        guard keeps else { return encode(world, positions: Array(world.dropletOrder.indices), encoder: encoder) }
        if world.dropletVersions.isSameArray(as: dropletVersions) { return droplets }
        dropletVersions = world.dropletVersions
        if droplets.count == world.dropletOrder.count, droplets.indices.allSatisfy({ droplets[$0].id == world.dropletOrder[$0] }) {
            let changed = droplets.indices.filter { droplets[$0].version != world.dropletVersions[$0] }
            for (position, made) in zip(changed, encode(world, positions: changed, encoder: encoder)) { droplets[position] = made }
            return droplets
        }
        // Two walks beside the last list: one finds what must be encoded (all at once, on every
        // core), the other takes each droplet from the last list or from those just encoded.
        var missing: [Int] = []
        walk(world) { position, kept in if kept == nil { missing.append(position) } }
        var encoded = encode(world, positions: missing, encoder: encoder).makeIterator()
        var made: [(id: Int, version: UInt64, json: Data)] = []
        made.reserveCapacity(world.dropletOrder.count)
        walk(world) { _, kept in made.append(kept.map { droplets[$0] } ?? encoded.next()!) }
        droplets = made
        return made
    }

    /// Each position of the world's listing, with the index in the last list of the same droplet
    /// at the same version, if there is one (both lists ascend by id).
    private func walk(_ world: FakeWorld, _ body: (_ position: Int, _ kept: Int?) -> Void) {
        var old = 0
        for (position, id) in world.dropletOrder.enumerated() {
            while old < droplets.count, droplets[old].id < id { old += 1 }
            let kept = old < droplets.count && droplets[old].id == id && droplets[old].version == world.dropletVersions[position]
            body(position, kept ? old : nil)
        }
    }

    /// The droplets at `positions` of the world's listing, encoded: spliced (`DropletJSON`) when
    /// kept; whole otherwise, so the plain path checks the splice too.
    private mutating func encode(_ world: FakeWorld, positions: [Int], encoder: JSONEncoder) -> [(id: Int, version: UInt64, json: Data)] {
        let models = positions.map { world.droplets[world.dropletOrder[$0]]!.model }
        let json: [Data]
        do {
            json = keeps ? try dropletJSON.encode(models, with: encoder) : try models.map { try encoder.encode($0) }
        } catch {
            preconditionFailure("the fake's droplets always encode: \(error)")
        }
        return zip(positions, json).map { position, json in (world.dropletOrder[position], world.dropletVersions[position], json) }
    }
}

private extension Array {
    /// Whether both are one buffer (or both empty): the same elements, without comparing them.
    func isSameArray(as other: Self) -> Bool {
        count == other.count && withUnsafeBufferPointer { mine in other.withUnsafeBufferPointer { mine.baseAddress == $0.baseAddress } }
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
        // By index: zipping the arrays retained and released every fragment of every page asked for.
        for index in fragments.indices where !fragments[index].isSameBytes(as: other.fragments[index]) { return false }
        for index in extras.indices where extras[index].0 != other.extras[index].0 || !extras[index].1.isSameBytes(as: other.extras[index].1) {
            return false
        }
        return true
    }
}
