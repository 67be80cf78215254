extension FakeWorld {
    /// Applies a listing-shift fault's change. One that no longer applies (the droplet is already
    /// gone, or its name is taken) changes nothing: the fault was set against an earlier world.
    mutating func apply(_ shift: ListingShift) {
        try? applyStrictly(shift)
    }

    /// As `apply(_:)`, but a change that does not apply is an error: a scenario's dry run makes the
    /// change at the fault's instant, when the world must allow it.
    mutating func applyStrictly(_ shift: ListingShift) throws(FakeWorldError) {
        switch shift {
        case .destroyDroplet(let name):
            try destroyDroplet(name: name, way: .destroyedByListingShift)
        case .createDroplet(let name, let size, let region):
            _ = try createDroplet(name: name, size: size, region: region, tags: [], poweredOn: true, createdAt: nil, project: nil)
        }
    }
}
