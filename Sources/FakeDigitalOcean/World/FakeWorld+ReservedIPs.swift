import DigitalOcean

/// Reserved IPs: reserved in a region, assigned to at most one droplet of that region, released
/// only when unassigned; a destroyed droplet's IPs stay reserved, unassigned — DO's rules.
extension FakeWorld {
    mutating func reserveIP(region: String, project: String?) throws(FakeWorldError) -> String {
        guard let region = RegionCatalogue.region(region) else { throw .unknownRegion(region) }
        let projectIndex = try projectIndexForNewResource(project)
        bumpRevision()
        let reserved = FakeReservedIP(ip: drawReservedAddress(), region: region)
        reservedIPs.append(reserved)
        assign(urn: reserved.urn, selfURL: reserved.selfURL, toProjectAt: projectIndex, at: now)
        history.reservedIPs.begin(id: reserved.ip, SteppedLife(id: reserved.ip, name: reserved.ip,
                                                               projectName: projects[projectIndex].name, startedAt: now, value: false))
        return reserved.ip
    }

    mutating func assignIP(_ ip: String, toDroplet name: String) throws(FakeWorldError) {
        let index = try reservedIndex(ip)
        let droplet = try droplet(named: name)
        guard reservedIPs[index].dropletID == nil else { throw .invalidState("reserved IP \(ip) is already assigned") }
        guard droplet.region == reservedIPs[index].region else {
            throw .invalidState("reserved IP \(ip) is in \(reservedIPs[index].region.slug) but droplet '\(name)' is in \(droplet.region.slug)")
        }
        guard !reservedIPs.contains(where: { $0.dropletID == droplet.id }) else {
            throw .invalidState("droplet '\(name)' already has a reserved IP")
        }
        bumpRevision()
        reservedIPs[index].dropletID = droplet.id
        recordAssignment(ip, assigned: true)
    }

    mutating func unassignIP(_ ip: String) throws(FakeWorldError) {
        let index = try reservedIndex(ip)
        guard reservedIPs[index].dropletID != nil else { throw .invalidState("reserved IP \(ip) is not assigned") }
        bumpRevision()
        reservedIPs[index].dropletID = nil
        recordAssignment(ip, assigned: false)
    }

    mutating func releaseIP(_ ip: String) throws(FakeWorldError) {
        let index = try reservedIndex(ip)
        guard reservedIPs[index].dropletID == nil else { throw .invalidState("reserved IP \(ip) is assigned; unassign it first") }
        bumpRevision()
        unassign(urn: reservedIPs[index].urn)
        reservedIPs.remove(at: index)
        let now = now
        history.reservedIPs.update(id: ip) { $0.end(at: now) }
    }

    mutating func unassignReservedIPs(fromDroplet id: Int) {
        for index in reservedIPs.indices where reservedIPs[index].dropletID == id {
            reservedIPs[index].dropletID = nil
            recordAssignment(reservedIPs[index].ip, assigned: false)
        }
    }

    /// Billing history: a reserved IP bills while unassigned.
    private mutating func recordAssignment(_ ip: String, assigned: Bool) {
        let now = now
        history.reservedIPs.update(id: ip) { $0.set(assigned, at: now) }
    }

    private func reservedIndex(_ ip: String) throws(FakeWorldError) -> Int {
        guard let index = reservedIPs.firstIndex(where: { $0.ip == ip }) else { throw .invalidArgument("no reserved IP \(ip)") }
        return index
    }
}
