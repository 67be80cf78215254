import DigitalOcean
import Foundation
import Testing
@testable import FakeDigitalOcean

/// `DropletJSON` splices separately encoded image, size and region objects into a droplet: its
/// bytes must be exactly what encoding the whole droplet writes, through every kept object.
@Suite struct DropletJSONTests {
    let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    func droplet(_ id: Int, name: String, size: Size, region: Region, image: Image = BaseImage.model,
                 window: Droplet.BackupWindow? = nil, tags: [String] = ["web", "a/b"], features: [String] = []) -> Droplet {
        Droplet(id: id, name: name, memory: size.memory, vcpus: size.vcpus, disk: size.disk,
                diskInfo: [DiskInfo(type: "local", size: .init(amount: size.disk, unit: "gib"))], locked: false, status: "active",
                kernel: nil, createdAt: "2026-03-01T00:00:00Z", features: features + (window == nil ? ["ipv6"] : ["backups", "ipv6"]),
                backupIDs: window == nil ? [] : [7, 9], nextBackupWindow: window, snapshotIDs: [], image: image, volumeIDs: ["v-1"],
                size: size, sizeSlug: size.slug, networks: Networks(v4: [NetworkV4(ipAddress: "10.0.0.\(id)", netmask: "255.255.0.0",
                                                                                    gateway: "10.0.0.1", type: "public")], v6: []),
                region: region, tags: tags, vpcUUID: "vpc-\(id)")
    }

    @Test func splicedDropletsAreTheWholeEncoding() throws {
        let small = try #require(SizeCatalogue.size("s-1vcpu-1gb")), large = try #require(SizeCatalogue.size("s-4vcpu-8gb"))
        let nyc = RegionCatalogue.model(try #require(RegionCatalogue.all.first { $0.slug == "nyc3" }))
        let syd = RegionCatalogue.model(try #require(RegionCatalogue.all.first { $0.slug == "syd1" }))
        var repriced = SizeCatalogue.model(small)
        repriced.priceMonthly += 1
        var tagged = BaseImage.model
        tagged.tags = ["base"]
        let droplets = [
            droplet(1, name: "web-1", size: SizeCatalogue.model(small), region: nyc),
            droplet(2, name: "web-2", size: SizeCatalogue.model(small), region: nyc, window: .init(start: "a", end: "b")),
            droplet(3, name: "web-3", size: SizeCatalogue.model(large), region: syd),
            droplet(4, name: "web-4", size: repriced, region: nyc),
            droplet(5, name: "\u{1}image \u{1}size \u{1}region", size: SizeCatalogue.model(small), region: syd, image: tagged),
            droplet(6, name: "web-6", size: SizeCatalogue.model(small), region: nyc),
            // A field holding a stand-in exactly, before and after the objects' keys.
            droplet(7, name: "\u{1}size", size: SizeCatalogue.model(small), region: nyc, tags: ["\u{1}region", "\u{1}image"],
                    features: ["\u{1}image"]),
        ]
        var spliced = DropletJSON()
        for droplet in droplets + droplets.reversed() {
            #expect(try spliced.encode([droplet], with: encoder) == [encoder.encode(droplet)], "droplet \(droplet.id)")
        }
        // A listing's worth at once, spread over the cores.
        let listing = (0..<300).map { index in
            var droplet = droplets[index % droplets.count]
            droplet.id = 1_000 + index
            droplet.name += "-\(index)"
            return droplet
        }
        #expect(try spliced.encode(listing, with: encoder) == listing.map { try encoder.encode($0) })
        #expect(spliced.wholeEncodings == 0, "every droplet spliced, none encoded whole")
    }

    @Test func anotherFormattingIsEncodedWhole() throws {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.sortedKeys, .prettyPrinted]
        let small = try #require(SizeCatalogue.size("s-1vcpu-1gb"))
        let nyc = RegionCatalogue.model(try #require(RegionCatalogue.all.first { $0.slug == "nyc3" }))
        let one = droplet(1, name: "web-1", size: SizeCatalogue.model(small), region: nyc)
        var spliced = DropletJSON()
        #expect(try spliced.encode([one], with: pretty) == [pretty.encode(one)])
        #expect(spliced.wholeEncodings == 1)
    }
}
