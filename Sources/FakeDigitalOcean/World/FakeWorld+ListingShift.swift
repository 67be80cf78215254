extension FakeWorld {
    /// Applies a listing-shift fault's change. One that no longer applies (the droplet is already
    /// gone, or its name is taken) changes nothing: the fault was set against an earlier world.
    mutating func apply(_ shift: ListingShift) {
        switch shift {
        case .destroyDroplet(let name):
            try? destroyDroplet(name: name)
        case .createDroplet(let name, let size, let region):
            _ = try? createDroplet(name: name, size: size, region: region, tags: [], poweredOn: true, createdAt: nil, project: nil)
        }
    }
}
