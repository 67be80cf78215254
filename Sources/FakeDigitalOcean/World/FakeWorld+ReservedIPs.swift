import DigitalOcean

/// Reserved IPs: reserved in a region, assigned to at most one droplet of that region, released
/// only when unassigned; a destroyed droplet's IPs stay reserved, unassigned — DO's rules.
extension FakeWorld {
    mutating func reserveIP(region: String, project: String?) throws(FakeWorldError) -> String {
        let region = try catalogueRegion(region)
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
        if let assigned = reservedIPs[index].dropletID {
            throw .conflict(.reservedIPAlreadyAssigned(ip: ip, droplet: droplets[assigned]?.name ?? String(assigned)))
        }
        let droplet = try droplet(named: name, field: "droplet")
        guard droplet.region == reservedIPs[index].region else {
            throw .invalidState("reserved IP \(ip) is in \(reservedIPs[index].region.slug) but droplet '\(name)' is in \(droplet.region.slug)")
        }
        if let held = reservedIPs.first(where: { $0.dropletID == droplet.id }) {
            throw .conflict(.dropletAlreadyHasReservedIP(droplet: name, ip: held.ip), field: "droplet")
        }
        bumpRevision()
        reservedIPs[index].dropletID = droplet.id
        recordAssignment(ip, assigned: true)
    }

    mutating func unassignIP(_ ip: String) throws(FakeWorldError) {
        let index = try reservedIndex(ip)
        guard reservedIPs[index].dropletID != nil else { throw .conflict(.reservedIPNotAssigned(ip: ip)) }
        bumpRevision()
        reservedIPs[index].dropletID = nil
        recordAssignment(ip, assigned: false)
    }

    mutating func releaseIP(_ ip: String) throws(FakeWorldError) {
        let index = try reservedIndex(ip)
        if let assigned = reservedIPs[index].dropletID {
            throw .conflict(.reservedIPStillAssigned(ip: ip, droplet: droplets[assigned]?.name ?? String(assigned)))
        }
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
        guard let index = reservedIPs.firstIndex(where: { $0.ip == ip }) else { throw .unknown(.reservedIP, ip) }
        return index
    }
}
