import DigitalOcean
import Foundation

/// DO's droplet JSON, written by JSONEncoder in two steps. A droplet's image, size and region
/// objects are half its keys and most of its encoding time, and every droplet of one image, size
/// and region carries the same ones: each is encoded once (kept with the model it was made from),
/// the droplet is encoded with a short string standing in for each (`Droplet.NestedStandIns`),
/// and each stand-in's bytes are replaced by the object's. The result is what encoding the whole
/// droplet writes; a test holds it so.
struct DropletJSON {
    private var images: [Int: (model: Image, json: Data)] = [:]
    private var sizes: [String: (model: Size, json: Data)] = [:]
    private var regions: [String: (model: Region, json: Data)] = [:]
    /// `encoder`'s formatting with the stand-ins in its `userInfo`, and each object's key with its
    /// stand-in as that encoder writes them, and the key alone, in the order sorted keys put them;
    /// nil until the first droplet.
    private var shells: (encoder: JSONEncoder, keyed: [(written: Data, key: Data)])?
    /// Droplets encoded whole because a stand-in was not found (a formatting other than compact).
    private(set) var wholeEncodings = 0

    /// Control characters, which JSON escapes. A string field could still hold one, but not after
    /// a key's unescaped quotes, which are part of what is looked for.
    private static let standIns = Droplet.NestedStandIns(image: "\u{1}image", size: "\u{1}size", region: "\u{1}region")

    /// Each droplet's JSON. The nested objects are looked up (or encoded once) in turn; the shells,
    /// most of the work, are encoded and spliced on every core (`ConcurrentMap`): a first listing
    /// makes a thousand at once.
    mutating func encode(_ droplets: [Droplet], with encoder: JSONEncoder) throws -> [Data] {
        let shells = try self.shells ?? Self.shells(like: encoder)
        self.shells = shells
        var work: [(droplet: Droplet, objects: [Data])] = []
        work.reserveCapacity(droplets.count)
        for droplet in droplets {
            work.append((droplet, [try Self.json(droplet.image, id: droplet.image.id, in: &images, with: encoder),
                                   try Self.json(droplet.region, id: droplet.region.slug, in: &regions, with: encoder),
                                   try Self.json(droplet.size, id: droplet.size.slug, in: &sizes, with: encoder)]))
        }
        let spliced = try ConcurrentMap.map(work) { droplet, objects in
            try Self.splice(shells.encoder.encode(droplet), objects: objects, keyed: shells.keyed)
        }
        return try zip(droplets, spliced).map { droplet, json in
            if let json { return json }
            wholeEncodings += 1
            return try encoder.encode(droplet)
        }
    }

    /// `shell` with each keyed stand-in replaced by its object; nil when one is not found.
    private static func splice(_ shell: Data, objects: [Data], keyed: [(written: Data, key: Data)]) -> Data? {
        var json = Data()
        json.reserveCapacity(shell.count + objects.reduce(0) { $0 + $1.count })
        var from = shell.startIndex
        for (keyed, object) in zip(keyed, objects) {
            guard let found = shell.range(of: keyed.written, in: from..<shell.endIndex) else { return nil }
            json.append(shell[from..<found.lowerBound])
            json.append(keyed.key)
            json.append(object)
            from = found.upperBound
        }
        json.append(shell[from...])
        return json
    }

    private static func shells(like encoder: JSONEncoder) throws -> (encoder: JSONEncoder, keyed: [(written: Data, key: Data)]) {
        let shells = JSONEncoder()
        shells.outputFormatting = encoder.outputFormatting
        shells.userInfo = encoder.userInfo
        shells.userInfo[Droplet.nestedStandInsKey] = standIns
        let keyed = try [("image", standIns.image), ("region", standIns.region), ("size", standIns.size)].map { name, standIn in
            let key = Data("\"\(name)\":".utf8)
            return (written: key + (try encoder.encode(standIn)), key: key)
        }
        return (shells, keyed)
    }

    private static func json<Model: Encodable & Equatable, ID: Hashable>(_ model: Model, id: ID, in kept: inout [ID: (model: Model, json: Data)],
                                                                          with encoder: JSONEncoder) throws -> Data {
        if let cached = kept[id], cached.model == model { return cached.json }
        let json = try encoder.encode(model)
        kept[id] = (model, json)
        return json
    }
}
