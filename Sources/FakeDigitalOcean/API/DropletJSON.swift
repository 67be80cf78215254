import DigitalOcean
import Foundation

/// DO's droplet JSON, written by JSONEncoder in two steps. A droplet's image, size and region
/// objects are half its bytes and most of its encoding time, and every droplet of one image, size
/// and region carries the same ones: each is encoded once (kept with the model it was made from),
/// the droplet is encoded with a small stand-in for each, and each stand-in's bytes are replaced
/// by the object's. The result is what encoding the whole droplet writes; a test holds it so.
struct DropletJSON {
    private var images: [Int: (model: Image, json: Data)] = [:]
    private var sizes: [String: (model: Size, json: Data)] = [:]
    private var regions: [String: (model: Region, json: Data)] = [:]
    /// The stand-ins as `encoder` writes them; nil until the first droplet.
    private var standIns: (image: Data, size: Data, region: Data)?

    /// Named with a control character, which JSON escapes, so their bytes occur nowhere else.
    private static let image = Image(id: 0, name: "\u{1}image", distribution: "", slug: nil, isPublic: false, regions: [], createdAt: "",
                                     type: "", minDiskSize: 0, sizeGigabytes: 0)
    private static let size = Size(slug: "\u{1}size", memory: 0, vcpus: 0, disk: 0, transfer: 0, priceMonthly: 0, priceHourly: 0,
                                   regions: [], available: false, description: "")
    private static let region = Region(name: "\u{1}region", slug: "", features: [], available: false, sizes: [])

    mutating func encode(_ droplet: Droplet, with encoder: JSONEncoder) throws -> Data {
        let standIns = try self.standIns ?? (encoder.encode(Self.image), encoder.encode(Self.size), encoder.encode(Self.region))
        self.standIns = standIns
        var shell = droplet
        (shell.image, shell.size, shell.region) = (Self.image, Self.size, Self.region)
        let bytes = try encoder.encode(shell)
        // Keys are sorted, so the objects come in this order: image, region, size.
        let parts = [(standIns.image, try Self.json(droplet.image, id: droplet.image.id, in: &images, with: encoder)),
                     (standIns.region, try Self.json(droplet.region, id: droplet.region.slug, in: &regions, with: encoder)),
                     (standIns.size, try Self.json(droplet.size, id: droplet.size.slug, in: &sizes, with: encoder))]
        var json = Data()
        json.reserveCapacity(bytes.count + parts.reduce(0) { $0 + $1.1.count - $1.0.count })
        var from = bytes.startIndex
        for (standIn, object) in parts {
            guard let found = bytes.range(of: standIn, in: from..<bytes.endIndex) else { return try encoder.encode(droplet) }
            json.append(bytes[from..<found.lowerBound])
            json.append(object)
            from = found.upperBound
        }
        json.append(bytes[from...])
        return json
    }

    private static func json<Model: Encodable & Equatable, ID: Hashable>(_ model: Model, id: ID, in kept: inout [ID: (model: Model, json: Data)],
                                                                          with encoder: JSONEncoder) throws -> Data {
        if let cached = kept[id], cached.model == model { return cached.json }
        let json = try encoder.encode(model)
        kept[id] = (model, json)
        return json
    }
}
