import DigitalOcean

/// Volumes: created in a region, attached to at most one droplet in that region, deleted only
/// when detached — DO's rules, so a scenario cannot build a world DO would refuse.
extension FakeWorld {
    mutating func createVolume(name: String, sizeGB: Int, region: String, tags: [String], project: String?) throws(FakeWorldError) {
        guard !name.isEmpty, name == name.lowercased(), name.count <= 64 else {
            throw .invalidArgument("'\(name)' is not a volume name (lowercase, at most 64 characters)")
        }
        guard (1...16_384).contains(sizeGB) else { throw .invalidArgument("volume '\(name)' size must be 1-16384 GiB, got \(sizeGB)") }
        guard volumes.allSatisfy({ $0.name != name }) else { throw .duplicate(.volume, name) }
        let region = try catalogueRegion(region)
        let projectIndex = try projectIndexForNewResource(project)
        bumpRevision()
        let volume = FakeVolume(id: rng.uuid(), name: name, sizeGB: sizeGB, region: region, tags: Self.unique(tags), createdAt: now)
        volumes.append(volume)
        assign(urn: volume.urn, selfURL: volume.selfURL, toProjectAt: projectIndex, at: now)
        history.storage.begin(StorageLife(id: volume.id, name: name, product: .volume, region: region.slug, sizeCentiGB: sizeGB * 100,
                                          projectName: projects[projectIndex].name, createdAt: now))
    }

    mutating func attachVolume(name: String, toDroplet dropletName: String) throws(FakeWorldError) {
        let index = try volumeIndex(name)
        if let attached = volumes[index].dropletID {
            throw .conflict(.volumeAlreadyAttached(volume: name, droplet: droplets[attached]?.name ?? String(attached)))
        }
        let droplet = try droplet(named: dropletName, field: "droplet")
        guard droplet.region == volumes[index].region else {
            throw .invalidState("volume '\(name)' is in \(volumes[index].region.slug) but droplet '\(dropletName)' is in \(droplet.region.slug)")
        }
        bumpRevision()
        volumes[index].dropletID = droplet.id
        let volumeID = volumes[index].id
        try updateDroplet(named: dropletName) { droplet throws(FakeWorldError) in droplet.volumeIDs.append(volumeID) }
    }

    mutating func detachVolume(name: String) throws(FakeWorldError) {
        let index = try volumeIndex(name)
        guard let dropletID = volumes[index].dropletID, let droplet = droplets[dropletID] else {
            throw .conflict(.volumeNotAttached(volume: name))
        }
        bumpRevision()
        volumes[index].dropletID = nil
        let volumeID = volumes[index].id
        try updateDroplet(named: droplet.name) { droplet throws(FakeWorldError) in droplet.volumeIDs.removeAll { $0 == volumeID } }
    }

    mutating func deleteVolume(name: String) throws(FakeWorldError) {
        let index = try volumeIndex(name)
        if let attached = volumes[index].dropletID {
            throw .conflict(.volumeStillAttached(volume: name, droplet: droplets[attached]?.name ?? String(attached)))
        }
        bumpRevision()
        unassign(urn: volumes[index].urn)
        history.storage.delete(id: volumes[index].id, at: now)
        volumes.remove(at: index)
    }

    /// A destroyed droplet's volumes stay, detached, as on DO.
    mutating func detachVolumes(fromDroplet id: Int) {
        for index in volumes.indices where volumes[index].dropletID == id {
            volumes[index].dropletID = nil
        }
    }

    func volumeIndex(_ name: String, field: String = "name") throws(FakeWorldError) -> Int {
        guard let index = volumes.firstIndex(where: { $0.name == name }) else { throw .unknown(.volume, name, field: field) }
        return index
    }
}
