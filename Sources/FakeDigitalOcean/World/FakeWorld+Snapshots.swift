import DigitalOcean

/// Snapshots of droplets and volumes, taken at `now` and kept until deleted: a droplet's
/// snapshots outlive it, as on DO. A scenario names each snapshot, so live snapshot names are
/// unique here (DO itself allows repeats). Each is a project member (`do:image:<id>`,
/// `do:volumesnapshot:<id>`): DO's description does not say which project a new snapshot joins,
/// so it joins the account's default project, as any resource created without a project does;
/// `move_to_project` moves it. It is billed under the project it was taken in, as volumes are.
extension FakeWorld {
    /// A droplet snapshot is about the droplet's used disk (`ImageSizes`) unless the scenario states
    /// its size (`sizeCentiGB`, hundredths of a GB); `min_disk_size` is the droplet's disk. Its id
    /// is a numeric image id.
    @discardableResult
    mutating func takeDropletSnapshot(droplet dropletName: String, name: String, sizeCentiGB: Int? = nil) throws(FakeWorldError) -> String {
        try checkSnapshotName(name)
        let droplet = try droplet(named: dropletName, field: "droplet")
        let projectIndex = try projectIndexForNewResource(nil)
        let imageID = nextImageID()
        let size = sizeCentiGB ?? ImageSizes(seed: billing.seed).droplet(id: droplet.id, createdAt: droplet.createdAt,
                                                                         diskGB: droplet.size.diskGB, at: now, salt: UInt64(imageID))
        let snapshot = FakeSnapshot(id: String(imageID), name: name, source: .droplet(id: droplet.id), region: droplet.region,
                                    sizeCentiGB: size, minDiskSize: droplet.size.diskGB, createdAt: now)
        bumpRevision()
        try updateDroplet(named: dropletName) { $0.snapshotIDs.append(imageID) }
        record(snapshot, product: .dropletSnapshot, projectIndex: projectIndex)
        return snapshot.id
    }

    /// A volume snapshot holds the data on the volume, at most its size, unless the scenario states
    /// its size; `min_disk_size` is the volume's size. Its id is a UUID.
    @discardableResult
    mutating func takeVolumeSnapshot(volume volumeName: String, name: String, sizeCentiGB: Int? = nil) throws(FakeWorldError) -> String {
        try checkSnapshotName(name)
        let volume = volumes[try volumeIndex(volumeName, field: "volume")]
        let projectIndex = try projectIndexForNewResource(nil)
        bumpRevision()
        let id = rng.uuid()
        let size = sizeCentiGB ?? ImageSizes(seed: billing.seed).volume(key: StableHash.key(volume.id), sizeGB: volume.sizeGB,
                                                                         salt: StableHash.key(id))
        let snapshot = FakeSnapshot(id: id, name: name, source: .volume(id: volume.id), region: volume.region,
                                    sizeCentiGB: size, minDiskSize: volume.sizeGB, createdAt: now)
        record(snapshot, product: .volumeSnapshot, projectIndex: projectIndex)
        return id
    }

    mutating func deleteSnapshot(name: String) throws(FakeWorldError) {
        guard let index = snapshots.firstIndex(where: { $0.name == name }) else {
            throw .unknown(.snapshot, name)
        }
        let snapshot = snapshots.remove(at: index)
        bumpRevision()
        if case .droplet(let dropletID) = snapshot.source, let droplet = droplets[dropletID] {
            try updateDroplet(named: droplet.name) { $0.snapshotIDs.removeAll { String($0) == snapshot.id } }
        }
        unassign(urn: snapshot.urn)
        history.storage.delete(id: snapshot.id, at: now)
    }

    func snapshot(named name: String) throws(FakeWorldError) -> FakeSnapshot {
        guard let snapshot = snapshots.first(where: { $0.name == name }) else { throw .unknown(.snapshot, name) }
        return snapshot
    }

    private mutating func record(_ snapshot: FakeSnapshot, product: StorageLife.Product, projectIndex: Int) {
        snapshots.append(snapshot)
        assign(urn: snapshot.urn, selfURL: snapshot.selfURL, toProjectAt: projectIndex, at: now)
        history.storage.begin(StorageLife(id: snapshot.id, name: snapshot.name, product: product, region: snapshot.region.slug,
                                          sizeCentiGB: snapshot.sizeCentiGB, projectName: projects[projectIndex].name, createdAt: now))
    }

    private func checkSnapshotName(_ name: String) throws(FakeWorldError) {
        guard !name.isEmpty else { throw .invalidArgument("a snapshot needs a name") }
        guard !snapshots.contains(where: { $0.name == name }) else { throw .duplicate(.snapshot, name) }
    }
}
