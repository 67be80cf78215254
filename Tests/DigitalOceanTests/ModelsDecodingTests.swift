import Foundation
import Testing
import TestSupport
@testable import DigitalOcean

/// Each verbatim DO example decodes into the models with its real values, and the models encode
/// back to DO's shape (required-but-nullable fields as explicit `null`).
@Suite struct ModelsDecodingTests {
    @Test func decodesDropletsList() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<Droplet>.self, key: "droplets", from: Fixture.data("droplets_list.json"))
        #expect(envelope.items.map(\.id) == [3164444, 3164459, 3164412])
        #expect(envelope.items.map(\.name) == ["example.com", "assets.example.com", "stage.example.com"])
        #expect(envelope.meta == Meta(total: 3))
        #expect(envelope.links == Links(pages: Pages()))

        let first = envelope.items[0]
        #expect(first.memory == 1024 && first.vcpus == 1 && first.disk == 25)
        #expect(first.diskInfo == [DiskInfo(type: "local", size: .init(amount: 25, unit: "gib"))])
        #expect(first.status == "active")
        #expect(first.kernel == nil)
        #expect(first.createdAt == "2020-07-21T18:37:44Z")
        #expect(first.features == ["backups", "private_networking", "ipv6"])
        #expect(first.backupIDs == [53893572])
        #expect(first.nextBackupWindow == .init(start: "2020-07-30T00:00:00Z", end: "2020-07-30T23:00:00Z"))
        #expect(first.snapshotIDs == [67512819])
        #expect(first.image.id == 63663980 && first.image.slug == "ubuntu-20-04-x64" && first.image.isPublic)
        #expect(first.image.sizeGigabytes == 2.36 && first.image.errorMessage == "")
        #expect(first.volumeIDs.isEmpty)
        #expect(first.size.slug == "s-1vcpu-1gb" && first.size.priceMonthly == 5.0)
        #expect(first.size.priceHourly == 0.00743999984115362)
        #expect(first.size.diskInfo == nil)
        #expect(first.sizeSlug == "s-1vcpu-1gb")
        #expect(first.networks.v4.map(\.type) == ["private", "public"])
        #expect(first.networks.v4[1] == NetworkV4(ipAddress: "192.241.165.154", netmask: "255.255.255.0", gateway: "192.241.165.1", type: "public"))
        #expect(first.networks.v6 == [NetworkV6(ipAddress: "2604:a880:0:1010::18a:a001", netmask: 64, gateway: "2604:a880:0:1010::1", type: "public")])
        #expect(first.region.slug == "nyc3" && first.region.name == "New York 3" && first.region.sizes.count == 14)
        #expect(first.tags == ["web", "env:prod"])
        #expect(first.vpcUUID == "760e09ef-dc84-11e8-981e-3cfdfeaae000")
        #expect(first.gpuInfo == nil)
        #expect(envelope.items[1].volumeIDs == ["506f78a4-e098-11e5-ad9f-000f53306ae1"])
        #expect(envelope.items[2].vpcUUID == "5a4981aa-9653-4bd1-bef5-d6bff52042e4")
    }

    @Test func decodesSizesList() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<Size>.self, key: "sizes", from: Fixture.data("sizes_list.json"))
        #expect(envelope.items.count == 1)
        let size = envelope.items[0]
        #expect(size.slug == "s-1vcpu-1gb" && size.memory == 1024 && size.vcpus == 1 && size.disk == 25)
        #expect(size.transfer == 1.0 && size.priceMonthly == 5.0 && size.priceHourly == 0.00743999984115362)
        #expect(size.regions.count == 13 && size.available && size.description == "Basic")
        #expect(size.diskInfo == [DiskInfo(type: "local", size: .init(amount: 25, unit: "gib"))])
        #expect(envelope.meta?.total == 64)
        #expect(envelope.links?.pages?.next == "https://api.digitalocean.com/v2/sizes?page=2&per_page=1")
        #expect(envelope.links?.pages?.last == "https://api.digitalocean.com/v2/sizes?page=64&per_page=1")
        #expect(envelope.links?.pages?.prev == nil)
    }

    @Test func decodesDomainsList() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<Domain>.self, key: "domains", from: Fixture.data("domains_list.json"))
        #expect(envelope.items.map(\.name) == ["example.com"])
        #expect(envelope.items[0].ttl == 1800)
        #expect(envelope.items[0].zoneFile?.hasPrefix("$ORIGIN example.com.\n$TTL 1800\n") == true)
        #expect(envelope.links == Links(pages: nil))
        #expect(envelope.meta?.total == 1)
    }

    @Test func decodesProjectsList() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<Project>.self, key: "projects", from: Fixture.data("projects_list.json"))
        #expect(envelope.items.map(\.name) == ["my-web-api", "Default"])
        let api = envelope.items[0]
        #expect(api.id == "4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679")
        #expect(api.ownerUUID == "99525febec065ca37b2ffe4f852fd2b2581895e7" && api.ownerID == 258992)
        #expect(api.purpose == "Service or API" && api.environment == "Production" && !api.isDefault)
        let defaultProject = envelope.items[1]
        #expect(defaultProject.isDefault && defaultProject.description == "Default project")
        #expect(defaultProject.createdAt == "2017-10-19T21:44:20Z" && defaultProject.updatedAt == "2019-11-05T18:50:03Z")
        #expect(envelope.links?.pages == Pages(first: "https://api.digitalocean.com/v2/projects?page=1",
                                               last: "https://api.digitalocean.com/v2/projects?page=1"))
        #expect(envelope.meta?.total == 2)
    }

    @Test func decodesProjectResources() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<ProjectResource>.self, key: "resources", from: Fixture.data("project_resources.json"))
        #expect(envelope.items.map(\.urn) == ["do:droplet:13457723", "do:domain:example.com"])
        #expect(envelope.items[0].assignedAt == "2018-09-28T19:26:37Z")
        #expect(envelope.items[0].links == .init(selfURL: "https://api.digitalocean.com/v2/droplets/13457723"))
        #expect(envelope.items[1].status == "ok")
        #expect(envelope.items[0].parsedURN?.kind == "droplet" && envelope.items[0].parsedURN?.id == "13457723")
        #expect(envelope.items[1].parsedURN?.kind == "domain" && envelope.items[1].parsedURN?.id == "example.com")
        #expect(envelope.meta?.total == 2)
    }

    @Test func decodesErrorBodies() throws {
        let bodies = try JSONDecoder().decode([String: ErrorBody].self, from: Fixture.data("errors.json"))
        #expect(bodies.count == 9)
        #expect(bodies["not_found"] == ErrorBody(id: "not_found", message: "The resource you requested could not be found."))
        #expect(bodies["bad_request"]?.requestID == "4851a473-1621-42ea-b2f9-5071c0ea8414")
        #expect(bodies["too_many_requests"]?.message == "API rate limit exceeded.")
        #expect(bodies["unexpected_error"]?.id == "example_error")
    }

    @Test func dropletRoundTripKeepsExplicitNulls() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<Droplet>.self, key: "droplets", from: Fixture.data("droplets_list.json"))
        var droplet = envelope.items[0]
        droplet.nextBackupWindow = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(droplet)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"kernel\":null"))
        #expect(text.contains("\"next_backup_window\":null"))
        #expect(!text.contains("gpu_info"))
        #expect(try JSONDecoder().decode(Droplet.self, from: data) == droplet)

        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let original = try #require(try JSONSerialization.jsonObject(with: Fixture.data("droplets_list.json")) as? [String: Any])
        let firstOriginal = try #require((original["droplets"] as? [[String: Any]])?.first)
        #expect(Set(object.keys) == Set(firstOriginal.keys))
    }

    @Test func domainAndImageEncodeNullableFieldsAsNull() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let domain = String(decoding: try encoder.encode(Domain(name: "a.test", ttl: nil, zoneFile: nil)), as: UTF8.self)
        #expect(domain == #"{"name":"a.test","ttl":null,"zone_file":null}"#)
        let project = Project(id: "p", ownerUUID: "o", ownerID: 1, name: "n", description: "", purpose: "x",
                              environment: nil, isDefault: false, createdAt: "t", updatedAt: "t")
        #expect(String(decoding: try encoder.encode(project), as: UTF8.self).contains(#""environment":null"#))
        let image = Image(id: 1, name: "backup", distribution: "Ubuntu", slug: nil, isPublic: false, regions: ["nyc3"],
                          createdAt: "2020-07-29T01:44:35Z", type: "backup", minDiskSize: 50, sizeGigabytes: 2.34)
        let imageText = String(decoding: try encoder.encode(image), as: UTF8.self)
        #expect(imageText.contains(#""slug":null"#))
        #expect(!imageText.contains("error_message"))
    }

    @Test func imageDecodesDropletBackups() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<Image>.self, key: "backups", from: Fixture.data("droplet_backups.json"))
        #expect(envelope.items.map(\.id) == [67539192])
        #expect(envelope.items[0].slug == nil && envelope.items[0].type == "backup" && envelope.items[0].minDiskSize == 50)
    }

    @Test func volumesDecode() throws {
        let listing = try JSONDecoder().decode(VolumesEnvelope.self, from: Fixture.data("volumes_list.json"))
        #expect(listing.volumes.count == 2)
        let first = listing.volumes[0]
        #expect(first.id == "506f78a4-e098-11e5-ad9f-000f53306ae1")
        #expect(first.name == "example" && first.sizeGigabytes == 10 && first.region.slug == "nyc1")
        #expect(first.dropletIDs == [] && first.tags == ["aninterestingtag"] && first.filesystemType == "ext4")
    }
}

extension ModelsDecodingTests {
    @Test func reservedIPsDecode() throws {
        let listing = try JSONDecoder().decode(ReservedIPsEnvelope.self, from: Fixture.data("reserved_ips_list.json"))
        #expect(listing.reservedIPs.map(\.ip) == ["45.55.96.47"])
        #expect(listing.reservedIPs[0].droplet == nil && listing.reservedIPs[0].region.slug == "nyc3" && !listing.reservedIPs[0].locked)
    }
}

private struct ReservedIPsEnvelope: Decodable {
    var reservedIPs: [ReservedIP]
    enum CodingKeys: String, CodingKey { case reservedIPs = "reserved_ips" }
}

private struct VolumesEnvelope: Decodable {
    var volumes: [Volume]
}
