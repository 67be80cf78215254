import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime

/// What clients did to a served fake, written down as a scenario (`arcadia fake-do serve
/// --record`): the served scenario with its timeline cut to the events the fake had played, and
/// every successful API write inserted at the fake clock's time, after the scenario's own events
/// of the same instant (the fake plays those before it answers). Replaying it builds the same world.
public enum ScenarioRecording {
    /// `playedThrough`: the fake's time when it stopped (events after it never happened);
    /// `label` names a reserved IP as the scenario does (its address when it has no label).
    public static func scenario(_ served: Scenario, playedThrough: Timestamp, changes: [RecordedChange],
                                label: (String) -> String = { $0 }) throws(RecordingError) -> Scenario {
        var recorded = served
        let played = served.timeline.filter { $0.at <= playedThrough }
        var writes: [TimelineEvent] = []
        for change in changes {
            writes.append(TimelineEvent(at: change.at, action: try action(change.change, label: label)))
        }
        var merged: [TimelineEvent] = []
        var pending = writes[...]
        for event in played {
            while let write = pending.first, write.at < event.at {
                merged.append(write)
                pending = pending.dropFirst()
            }
            merged.append(event)
        }
        recorded.timeline = merged + pending
        if let last = writes.last?.at, last >= served.clock.end {
            recorded.clock.end = last + Self.observedFor
        }
        return recorded
    }

    /// How long a recording runs past its last write when that write came at or after the served
    /// scenario's end (a fake frozen at `clock.end`, the default, stamps every write there, and a
    /// scenario's events must come before its end): an hour, so the replay's 15-minute syncs see
    /// what the writes did.
    public static let observedFor: Int64 = 3_600

    /// The scenario action that makes `change`.
    static func action(_ change: FakeWorldChange, label: (String) -> String) throws(RecordingError) -> ScenarioAction {
        switch change {
        case .createDroplet(let name, let size, let region, let tags):
            .createDroplet(DropletSpec(name: name, size: size, region: region, tags: tags))
        case .destroyDroplet(let name): .destroyDroplet(name: name)
        case .resizeDroplet(let name, let size): .resizeDroplet(name: name, size: size)
        case .powerOffDroplet(let name): .powerOffDroplet(name: name)
        case .powerOnDroplet(let name): .powerOnDroplet(name: name)
        case .renameDroplet(let name, let to): .renameDroplet(name: name, to: to)
        case .snapshotDroplet(let droplet, let name): .takeSnapshot(SnapshotSpec(name: name, source: .droplet(droplet)))
        case .snapshotVolume(let volume, let name): .takeSnapshot(SnapshotSpec(name: name, source: .volume(volume)))
        case .deleteSnapshot(let name): .deleteSnapshot(name: name)
        case .enableBackups(let droplet, let plan, let weekday, let hour):
            .enableBackups(BackupsSpec(droplet: droplet, plan: plan == .weekly ? .weekly : .daily,
                                       weekday: plan == .weekly ? weekday : nil, hour: hour))
        case .disableBackups(let droplet): .disableBackups(name: droplet)
        case .tagDroplet(let name, let tags): .tagDroplet(name: name, tags: tags)
        case .untagDroplet(let name, let tags): .untagDroplet(name: name, tags: tags)
        case .createTag(let name): .createTag(name: name)
        case .deleteTag(let name): .deleteTag(name: name)
        case .createVolume(let name, let sizeGB, let region, let tags):
            .createVolume(VolumeSpec(name: name, sizeGB: sizeGB, region: region, tags: tags))
        case .attachVolume(let name, let droplet): .attachVolume(name: name, droplet: droplet)
        case .detachVolume(let name): .detachVolume(name: name)
        case .deleteVolume(let name): .deleteVolume(name: name)
        case .createDomain(let name, let ttl): .createDomain(DomainSpec(name: name, ttl: ttl))
        case .deleteDomain(let name): .deleteDomain(name: name)
        case .createDomainRecord(let domain, let record): .createDomainRecord(domain: domain, record: record)
        case .updateDomainRecord(let domain, let id, let record): .updateDomainRecord(domain: domain, id: id, record: record)
        case .deleteDomainRecord(let domain, let id): .deleteDomainRecord(domain: domain, id: id)
        case .reserveIP(let region, let ip): .reserveIP(ReservedIPSpec(name: label(ip), region: region))
        case .assignIP(let ip, let droplet): .assignIP(name: label(ip), droplet: droplet)
        case .unassignIP(let ip): .unassignIP(name: label(ip))
        case .releaseIP(let ip): .releaseIP(name: label(ip))
        case .assignDroplet(let name, let project): .moveToProject(resource: .droplet(name), project: project)
        case .assignDomain(let name, let project): .moveToProject(resource: .domain(name), project: project)
        case .assignSnapshot(let name, let project): .moveToProject(resource: .snapshot(name), project: project)
        }
    }
}

/// A client's write the recording cannot express as a scenario action.
public struct RecordingError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
