import MoneyAndTime

/// A change a client made to the world over the API, named and shaped as the scenario action that
/// makes the same change, so what clients did can be written down as a scenario's timeline.
/// Reserved IPs are named by address (the world draws it), backups by the window they got.
public enum FakeWorldChange: Sendable, Equatable {
    case createDroplet(name: String, size: String, region: String, tags: [String])
    case destroyDroplet(name: String)
    case resizeDroplet(name: String, size: String)
    case powerOffDroplet(name: String)
    case powerOnDroplet(name: String)
    case renameDroplet(name: String, to: String)
    case snapshotDroplet(droplet: String, name: String)
    case snapshotVolume(volume: String, name: String)
    case deleteSnapshot(name: String)
    case enableBackups(droplet: String, plan: BackupPolicy.Plan, weekday: Int, hour: Int)
    case disableBackups(droplet: String)
    case tagDroplet(name: String, tags: [String])
    case untagDroplet(name: String, tags: [String])
    case createTag(name: String)
    /// The tag is deleted and taken off every resource.
    case deleteTag(name: String)
    case createVolume(name: String, sizeGB: Int, region: String, tags: [String])
    case attachVolume(name: String, droplet: String)
    case detachVolume(name: String)
    case deleteVolume(name: String)
    case createDomain(name: String, ttl: Int)
    case deleteDomain(name: String)
    case createDomainRecord(domain: String, record: DomainRecordFields)
    /// `record`: the fields the update set.
    case updateDomainRecord(domain: String, id: Int, record: DomainRecordFields)
    case deleteDomainRecord(domain: String, id: Int)
    case reserveIP(region: String, ip: String)
    case assignIP(ip: String, droplet: String)
    case unassignIP(ip: String)
    case releaseIP(ip: String)
    case assignDroplet(name: String, project: String)
    case assignDomain(name: String, project: String)
    case assignSnapshot(name: String, project: String)
}

/// One successful write, at the world's time.
public struct RecordedChange: Sendable, Equatable {
    public let at: Timestamp
    public let change: FakeWorldChange
}
