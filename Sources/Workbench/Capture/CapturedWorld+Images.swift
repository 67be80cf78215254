import ArcadiaCore
import DigitalOcean
import MoneyAndTime

/// Snapshots and backups, rebuilt so that a replay observes each as the ledger did: taken at its
/// first sighting (at the clock's start, with a sync there, when it was held before), of its
/// observed `size_gigabytes`, and gone at the listing that first missed it (`missing_since`).
///
/// A snapshot is taken of a stand-in per region (an off droplet in a project no deployment has, or
/// a volume): what it was taken of bills nothing, and may be gone or another tenant's by then. It
/// joins the default project, as on DO, and is moved to the project the ledger attributed it to.
/// A backup is taken of its droplet, which the capture rebuilt (a backup bills to its droplet's
/// deployment), and kept until its first missed listing.
extension CapturedWorld {
    /// Holds the stand-ins: no deployment's project, so the stand-in droplets bill nobody.
    static let standInProject = "capture-stand-ins"

    static func standInName(_ region: String) -> String { "snapshot-source-\(region)" }

    mutating func addImage(_ resource: CloudResource, project: String?, events: [ResourceEvent]) throws {
        let label = "\(resource.kind) \(resource.name)"
        if let resized = events.first(where: { $0.event == .changed && $0.field == "size_gigabytes" }) {
            throw ScenarioCapture.Refusal(description: "\(label) changed size at \(resized.at); a capture takes an image at one size")
        }
        let size = try Self.centiGB(resource, label)
        let firstSeen = events.first { $0.event == .created }?.at ?? resource.firstSeenAt
        let gone = events.first { $0.event == .stale }.map(Self.observedAt)
        let takenAt = max(firstSeen, clock.start)
        guard gone.map({ $0 > clock.start }) ?? true, takenAt < clock.end else { return }
        syncs.insert(ObservedSync(at: takenAt, job: Self.syncJob(resource.kind)))
        var state = Self.initialState(resource, project: project, events: events)
        for event in events where event.at <= takenAt { Self.apply(event, to: &state) }
        let keptUntil = gone.flatMap { $0 < clock.end ? $0 : nil }
        if let keptUntil { syncs.insert(ObservedSync(at: keptUntil, job: Self.syncJob(resource.kind))) }
        guard resource.kind == .snapshot else {
            timeline.append(TimelineEvent(at: takenAt, action: .takeBackup(BackupSpec(
                droplet: try backedUpDroplet(resource, at: takenAt, label), sizeCentiGB: size, keptUntil: keptUntil))))
            return
        }
        timeline.append(TimelineEvent(at: takenAt, action: .takeSnapshot(SnapshotSpec(
            name: resource.name, source: try standIn(for: resource, sizeCentiGB: size, label), sizeCentiGB: size))))
        if let project = state.project, project != impliedDefaultProject { move(resource.name, to: project, at: takenAt) }
        for event in events where event.at > takenAt && event.at < clock.end && event.event == .attributed {
            syncs.insert(ObservedSync(at: event.at, job: .syncProjects))
            let before = state.project
            Self.apply(event, to: &state)
            if let project = state.project, project != before { move(resource.name, to: project, at: event.at) }
        }
        if let keptUntil { timeline.append(TimelineEvent(at: keptUntil, action: .deleteSnapshot(name: resource.name))) }
    }

    /// The stand-in volumes, one per region, each as large as the largest snapshot taken of it.
    mutating func addStandInVolumes() {
        for (region, centiGB) in volumeStandIns.sorted(by: { $0.key < $1.key }) {
            spec.volumes.append(VolumeSpec(name: Self.standInName(region), sizeGB: max(1, (centiGB + 99) / 100), region: region,
                                           project: Self.standInProject))
        }
    }

    private mutating func move(_ snapshot: String, to project: String, at: Timestamp) {
        noteProject(project)
        timeline.append(TimelineEvent(at: at, action: .moveToProject(resource: .snapshot(snapshot), project: project)))
    }

    /// What a snapshot is taken of: the stand-in droplet or volume of its region.
    private mutating func standIn(for resource: CloudResource, sizeCentiGB: Int, _ label: String) throws -> SnapshotSource {
        guard let region = resource.region, !region.isEmpty else {
            throw ScenarioCapture.Refusal(description: "\(label) has no region in the inventory")
        }
        let name = Self.standInName(region)
        noteProject(Self.standInProject)
        guard case .string("droplet")? = resource.attributes["resource_type"] else {
            volumeStandIns[region] = max(volumeStandIns[region] ?? 0, sizeCentiGB)
            return .volume(name)
        }
        if !spec.droplets.contains(where: { $0.name == name }) {
            spec.droplets.append(DropletSpec(name: name, size: "s-1vcpu-1gb", region: region, project: Self.standInProject, status: .off))
        }
        return .droplet(name)
    }

    /// The name the backup's droplet (`droplet_id`) bore at `at` in the rebuilt world.
    private func backedUpDroplet(_ resource: CloudResource, at: Timestamp, _ label: String) throws -> String {
        let dropletID = resource.attributes["droplet_id"]?.display ?? "?"
        guard let name = dropletNames[dropletID]?.last(where: { $0.at <= at })?.name else {
            throw ScenarioCapture.Refusal(description: "\(label) backs up droplet \(dropletID), which none of the month's usage came from, "
                                              + "so the capture did not rebuild it and cannot take its backups")
        }
        return name
    }

    /// The observed `size_gigabytes` in hundredths of a GB, as a scenario states it.
    private static func centiGB(_ resource: CloudResource, _ label: String) throws -> Int {
        let text = resource.attributes["size_gigabytes"]?.display
        guard let text, let centi = ImageSize.centiGB(text) else {
            throw ScenarioCapture.Refusal(description: "\(label) has size_gigabytes \(text ?? "(none)"); a capture states an image's size "
                                              + "above 0 and to hundredths of a GB, as DO does")
        }
        return centi
    }
}
