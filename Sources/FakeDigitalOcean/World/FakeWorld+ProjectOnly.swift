import DigitalOcean

/// Spaces buckets, managed databases, Kubernetes clusters and apps: created, deleted and moved
/// between projects, and (buckets) holding a size that changes over time and is billed.
extension FakeWorld {
    mutating func createProjectOnlyResource(_ kind: FakeProjectOnlyResource.Kind, name: String, region: String?, sizeGB: Int?,
                                            project: String?) throws(FakeWorldError) {
        guard projectOnlyResources.allSatisfy({ $0.kind != kind || $0.name != name }) else {
            throw .duplicate(kind.resourceKind, name)
        }
        let region = try region.map { slug throws(FakeWorldError) in
            try catalogueRegion(slug)
        }
        if kind == .spacesBucket {
            try Self.checkBucketName(name)
            guard region != nil else { throw .invalidArgument("Spaces bucket '\(name)' needs a region") }
            guard (sizeGB ?? 0) >= 0 else { throw .invalidArgument("Spaces bucket '\(name)' cannot hold \(sizeGB ?? 0) GB") }
        } else {
            guard !name.isEmpty else { throw .invalidArgument("a \(kind.noun) needs a name") }
            guard sizeGB == nil else { throw .invalidArgument("only a Spaces bucket has a size") }
        }
        let projectIndex = try projectIndexForNewResource(project)
        bumpRevision()
        let resource = FakeProjectOnlyResource(kind: kind, id: kind == .spacesBucket ? name : rng.uuid(), name: name, region: region,
                                               createdAt: now, sizeGB: kind == .spacesBucket ? sizeGB ?? 0 : nil)
        projectOnlyResources.append(resource)
        assign(urn: resource.urn, selfURL: resource.selfURL, toProjectAt: projectIndex, at: now)
        if kind == .spacesBucket {
            history.spacesBuckets.begin(id: resource.id, SteppedLife(id: resource.id, name: name, projectName: "", startedAt: now,
                                                                     value: resource.sizeGB ?? 0))
        }
    }

    mutating func deleteProjectOnlyResource(_ kind: FakeProjectOnlyResource.Kind, name: String) throws(FakeWorldError) {
        let index = try projectOnlyIndex(kind, name)
        let resource = projectOnlyResources[index]
        bumpRevision()
        unassign(urn: resource.urn)
        projectOnlyResources.remove(at: index)
        if kind == .spacesBucket {
            let now = now
            history.spacesBuckets.update(id: resource.id) { $0.end(at: now) }
        }
    }

    /// What a bucket stores from now on; DO bills the account's total above 250 GB.
    mutating func setBucketSize(name: String, sizeGB: Int) throws(FakeWorldError) {
        let index = try projectOnlyIndex(.spacesBucket, name)
        guard sizeGB >= 0 else { throw .invalidArgument("Spaces bucket '\(name)' cannot hold \(sizeGB) GB") }
        guard projectOnlyResources[index].sizeGB != sizeGB else { return }
        bumpRevision()
        projectOnlyResources[index].sizeGB = sizeGB
        let now = now
        history.spacesBuckets.update(id: projectOnlyResources[index].id) { $0.set(sizeGB, at: now) }
    }

    func projectOnlyResource(_ kind: FakeProjectOnlyResource.Kind, named name: String) throws(FakeWorldError) -> FakeProjectOnlyResource {
        projectOnlyResources[try projectOnlyIndex(kind, name)]
    }

    private func projectOnlyIndex(_ kind: FakeProjectOnlyResource.Kind, _ name: String) throws(FakeWorldError) -> Int {
        guard let index = projectOnlyResources.firstIndex(where: { $0.kind == kind && $0.name == name }) else {
            throw .unknown(kind.resourceKind, name)
        }
        return index
    }

    /// DO's bucket names: 3-63 lowercase letters, digits and '-', starting and ending with a letter or digit.
    private static func checkBucketName(_ name: String) throws(FakeWorldError) {
        let alnum = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        let scalars = Array(name.unicodeScalars)
        guard (3...63).contains(scalars.count), alnum(scalars[0]), alnum(scalars[scalars.count - 1]),
              scalars.allSatisfy({ alnum($0) || $0 == "-" }) else {
            throw .invalidArgument("'\(name)' is not a Spaces bucket name: 3-63 lowercase letters, digits and '-'")
        }
    }
}
