import DigitalOcean
import MoneyAndTime

/// Projects and resource assignment. As on DO, an account always ends up with a default project:
/// if none was created with `isDefault` before a resource needs one (or names it), `Default` is
/// made on demand.
extension FakeWorld {
    static let impliedDefaultProject = "Default"

    mutating func createProject(name: String, description: String, purpose: String, environment: String?,
                                isDefault: Bool) throws(FakeWorldError) -> String {
        guard !name.isEmpty else { throw .invalidArgument("a project needs a name") }
        guard !projects.contains(where: { $0.name == name }) else { throw .duplicate(.project, name) }
        if let environment, !["Development", "Staging", "Production"].contains(environment) {
            throw .invalidArgument("project environment must be Development, Staging or Production, got '\(environment)'")
        }
        bumpRevision()
        if isDefault, let previous = projects.firstIndex(where: \.isDefault) {
            projects[previous].isDefault = false
            projects[previous].updatedAt = now
        }
        let project = FakeProject(id: rng.uuid(), name: name, description: description, purpose: purpose,
                                  environment: environment, isDefault: isDefault, createdAt: now, updatedAt: now)
        projects.append(project)
        return project.id
    }

    var defaultProject: FakeProject? {
        projects.first(where: \.isDefault)
    }

    /// The names `project:` may take: every project's, and `Default` while it is still implied.
    var projectNames: [String] {
        projects.map(\.name) + (defaultProject == nil ? [Self.impliedDefaultProject] : [])
    }

    func project(id: String) -> FakeProject? {
        id == "default" ? defaultProject : projects.first { $0.id == id }
    }

    mutating func assignDroplet(name: String, toProject project: String) throws(FakeWorldError) {
        let droplet = try droplet(named: name)
        try reassign(urn: droplet.urn, selfURL: droplet.selfURL, toProject: project)
        history.droplets.update(id: droplet.id) { $0.move(toProject: project) }
    }

    mutating func assignDomain(name: String, toProject project: String) throws(FakeWorldError) {
        guard let domain = domains[name] else { throw .unknown(.domain, name, departure: departures[.domain]?[name]) }
        try reassign(urn: domain.urn, selfURL: domain.selfURL, toProject: project)
    }

    /// The project a new resource lands in: the named one, else the default (created if needed).
    /// Validates before anything changes so a refused mutation leaves the world as it was.
    mutating func projectIndexForNewResource(_ name: String?) throws(FakeWorldError) -> Int {
        if let name, name != Self.impliedDefaultProject || defaultProject != nil {
            return try projectIndex(name)
        }
        if let index = projects.firstIndex(where: \.isDefault) { return index }
        _ = try createProject(name: Self.impliedDefaultProject, description: "Default project", purpose: "Just trying out DigitalOcean",
                              environment: "Development", isDefault: true)
        return projects.count - 1
    }

    private func projectIndex(_ name: String) throws(FakeWorldError) -> Int {
        guard let index = projects.firstIndex(where: { $0.name == name }) else { throw .unknown(.project, name, field: "project") }
        return index
    }

    mutating func assign(urn: String, selfURL: String, toProjectAt index: Int, at time: Timestamp) {
        projects[index].resources.append(.init(urn: urn, selfURL: selfURL, assignedAt: time))
        projectIDByURN[urn] = projects[index].id
    }

    /// Removes a resource from whichever project holds it (destroyed or moving).
    mutating func unassign(urn: String) {
        guard let projectID = projectIDByURN.removeValue(forKey: urn),
              let index = projects.firstIndex(where: { $0.id == projectID }) else { return }
        projects[index].resources.removeAll { $0.urn == urn }
    }

    mutating func reassign(urn: String, selfURL: String, toProject name: String) throws(FakeWorldError) {
        let index = name == Self.impliedDefaultProject ? try projectIndexForNewResource(name) : try projectIndex(name)
        guard projectIDByURN[urn] != projects[index].id else { return }
        bumpRevision()
        unassign(urn: urn)
        assign(urn: urn, selfURL: selfURL, toProjectAt: index, at: now)
    }
}
