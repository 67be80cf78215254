import DigitalOcean
import FakeDigitalOcean

/// Turns scenario declarations and timeline events into calls on the fake provider.
enum WorldBuilder {
    static func build(_ scenario: Scenario, into fake: FakeDigitalOcean) throws(SimulationError) {
        for project in scenario.world.projects {
            try attempt(project.location, "world.projects") {
                try fake.createProject(name: project.name, description: project.description, environment: project.environment,
                                       isDefault: project.isDefault)
            }
        }
        for droplet in scenario.world.droplets {
            try attempt(droplet.location, "world.droplets") {
                try fake.createDroplet(name: droplet.name, size: droplet.size, region: droplet.region, tags: droplet.tags,
                                       poweredOn: droplet.status == .active, createdAt: droplet.createdAt, project: droplet.project)
            }
        }
        for domain in scenario.world.domains {
            try attempt(domain.location, "world.domains") {
                try fake.createDomain(name: domain.name, ttl: domain.ttl, project: domain.project)
            }
        }
    }

    static func apply(_ event: TimelineEvent, to fake: FakeDigitalOcean) throws(SimulationError) {
        try attempt(event.location, "timeline event at \(event.at)") {
            switch event.action {
            case .createProject(let p):
                try fake.createProject(name: p.name, description: p.description, environment: p.environment, isDefault: p.isDefault)
            case .createDroplet(let d):
                try fake.createDroplet(name: d.name, size: d.size, region: d.region, tags: d.tags, poweredOn: d.status == .active,
                                       createdAt: nil, project: d.project)
            case .resizeDroplet(let name, let size): try fake.resizeDroplet(name: name, size: size)
            case .powerOffDroplet(let name): try fake.powerOffDroplet(name: name)
            case .powerOnDroplet(let name): try fake.powerOnDroplet(name: name)
            case .renameDroplet(let name, let to): try fake.renameDroplet(name: name, to: to)
            case .tagDroplet(let name, let tags): try fake.tagDroplet(name: name, tags: tags)
            case .destroyDroplet(let name): try fake.destroyDroplet(name: name)
            case .createDomain(let d): try fake.createDomain(name: d.name, ttl: d.ttl, project: d.project)
            case .deleteDomain(let name): try fake.deleteDomain(name: name)
            case .moveToProject(.droplet(let name), let project): try fake.assignDroplet(name: name, toProject: project)
            case .moveToProject(.domain(let name), let project): try fake.assignDomain(name: name, toProject: project)
            case .fault(let f): fake.injectFault(path: f.path, page: f.page, status: f.status, times: f.times)
            case .provision, .acceptDrift: break // ledger-side: the simulator's DriftDriver plays them
            }
        }
    }

    private static func attempt<T>(_ location: ScenarioLocation?, _ what: String, _ body: () throws -> T) throws(SimulationError) {
        do {
            _ = try body()
        } catch {
            throw SimulationError(location: location, message: "\(what): \(error)")
        }
    }
}
