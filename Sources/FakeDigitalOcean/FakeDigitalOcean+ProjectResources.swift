import DigitalOcean

/// Resources the fake holds only as project members (Spaces buckets, managed databases,
/// Kubernetes clusters, apps), and moving any project resource between projects.
extension FakeDigitalOcean {
    /// A bucket in `region` storing `sizeGB`; the account pays the Spaces subscription while any exists.
    public func createSpacesBucket(name: String, region: String, sizeGB: Int = 0, project: String?) throws {
        try mutate { world throws(FakeWorldError) in
            try world.createProjectOnlyResource(.spacesBucket, name: name, region: region, sizeGB: sizeGB, project: project)
        }
    }

    public func deleteSpacesBucket(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteProjectOnlyResource(.spacesBucket, name: name) }
    }

    public func setSpacesBucketSize(name: String, sizeGB: Int) throws {
        try mutate { world throws(FakeWorldError) in try world.setBucketSize(name: name, sizeGB: sizeGB) }
    }

    /// A managed database cluster (`do:dbaas:<uuid>`).
    public func createDatabase(name: String, region: String?, project: String?) throws {
        try mutate { world throws(FakeWorldError) in
            try world.createProjectOnlyResource(.database, name: name, region: region, sizeGB: nil, project: project)
        }
    }

    public func deleteDatabase(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteProjectOnlyResource(.database, name: name) }
    }

    /// A Kubernetes cluster (`do:kubernetes:<uuid>`).
    public func createK8sCluster(name: String, region: String?, project: String?) throws {
        try mutate { world throws(FakeWorldError) in
            try world.createProjectOnlyResource(.k8sCluster, name: name, region: region, sizeGB: nil, project: project)
        }
    }

    public func deleteK8sCluster(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteProjectOnlyResource(.k8sCluster, name: name) }
    }

    /// An App Platform app (`do:app:<uuid>`): a URN type the inventory's table does not know.
    public func createApp(name: String, region: String?, project: String?) throws {
        try mutate { world throws(FakeWorldError) in
            try world.createProjectOnlyResource(.app, name: name, region: region, sizeGB: nil, project: project)
        }
    }

    public func deleteApp(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteProjectOnlyResource(.app, name: name) }
    }

    /// Assigns the resource to `project`; DO moves it out of the project that held it.
    public func move(_ member: ProjectMember, toProject project: String) throws {
        try mutate { world throws(FakeWorldError) in try world.move(member, toProject: project) }
    }

    /// The URN DO lists a project-only resource under, e.g. `do:dbaas:<uuid>`.
    public func urn(ofDatabase name: String) throws -> String {
        try mutate { world throws(FakeWorldError) in try world.projectOnlyResource(.database, named: name).urn }
    }
}
