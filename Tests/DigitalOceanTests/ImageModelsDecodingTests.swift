@testable import DigitalOcean
import Foundation
import Testing
import TestSupport

/// Snapshots and backups decode from DO's verbatim examples and encode back to the same keys.
@Suite struct ImageModelsDecodingTests {
    @Test func decodesSnapshotsListWithStringIDs() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<Snapshot>.self, key: "snapshots", from: Fixture.data("snapshots_list.json"))
        #expect(envelope.items.map(\.id) == ["6372321", "fbe805e8-866b-11e6-96bf-000f53315a41"])
        let droplet = envelope.items[0], volume = envelope.items[1]
        #expect(droplet.resourceType == "droplet" && droplet.resourceID == "200776916")
        #expect(droplet.regions == ["nyc3", "sfo3"] && droplet.minDiskSize == 25 && droplet.sizeGigabytes == 2.34)
        #expect(droplet.tags == ["web", "env:prod"] && droplet.createdAt == "2020-07-28T16:47:44Z")
        #expect(volume.resourceType == "volume" && volume.resourceID == "89bcc42f-85cf-11e6-a004-000f53315871")
        #expect(volume.minDiskSize == 2 && volume.sizeGigabytes == 0.1008)
        #expect(envelope.meta?.total == 2)
    }

    @Test func snapshotRoundTripKeepsKeysAndNullTags() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<Snapshot>.self, key: "snapshots", from: Fixture.data("snapshots_list.json"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(envelope.items[0])
        #expect(try JSONDecoder().decode(Snapshot.self, from: data) == envelope.items[0])
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let original = try #require(try JSONSerialization.jsonObject(with: Fixture.data("snapshots_list.json")) as? [String: Any])
        #expect(Set(object.keys) == Set(try #require((original["snapshots"] as? [[String: Any]])?.first).keys))
        var untagged = envelope.items[1]
        untagged.tags = nil
        #expect(String(decoding: try encoder.encode(untagged), as: UTF8.self).contains(#""tags":null"#))
    }

    @Test func decodesDropletBackupsAsImages() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<Image>.self, key: "backups", from: Fixture.data("droplet_backups.json"))
        let backup = try #require(envelope.items.first)
        #expect(backup.id == 67_539_192 && backup.type == "backup" && backup.name == "web-01- 2020-07-29")
        #expect(backup.slug == nil && !backup.isPublic && backup.minDiskSize == 50 && backup.sizeGigabytes == 2.34)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(backup)) as? [String: Any])
        let original = try #require(try JSONSerialization.jsonObject(with: Fixture.data("droplet_backups.json")) as? [String: Any])
        #expect(Set(object.keys) == Set(try #require((original["backups"] as? [[String: Any]])?.first).keys))
    }
}
