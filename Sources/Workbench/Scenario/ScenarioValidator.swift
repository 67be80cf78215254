import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime

/// Checks what no single field can: unique names, references that resolve, and actions that make
/// sense against the world as it stands at their instant.
///
/// World actions are checked by a dry run: the scenario's world is built on a scratch fake and each
/// world event applied to it in execution order, by the simulator's own `WorldBuilder`, so a world
/// rule lives once, in the fake; a refusal becomes an error at the event's field. What the fake
/// cannot know is checked here: the clock and the timeline's order, the implied `Default` project,
/// and the platform's side (tenancy, revenue, drift), resolving names against the scratch world.
/// Nothing runs on an invalid scenario, so the first problem found is thrown; each check assumes
/// the ones before it passed.
public enum ScenarioValidator {
    /// For scenarios built in code: errors point at each item's `location`, or at line 0 without one.
    public static func validate(_ scenario: Scenario) throws(ScenarioError) {
        try validate(scenario, sourceMap: ScenarioSourceMap())
    }

    /// For parsed scenarios: `sourceMap` lets an error point at the offending field's own node.
    static func validate(_ scenario: Scenario, sourceMap: ScenarioSourceMap) throws(ScenarioError) {
        var run = ScenarioDryRun(scenario: scenario, sourceMap: sourceMap)
        try run.checkClock()
        try run.checkProjects()
        try run.buildWorld()
        try run.checkTenancy()
        try run.playTimeline()
        try run.checkDriftIgnore()
        try run.checkExpectations()
    }
}

/// The name DO gives the project it creates when an account has none marked default.
let impliedDefaultProject = FakeDigitalOcean.impliedDefaultProject

/// One validation: the scenario, where its fields were written, and the scratch world it plays.
struct ScenarioDryRun {
    let scenario: Scenario
    let sourceMap: ScenarioSourceMap
    /// Sizes and regions are the run's to check (`docs/scenario-format.md`), so any slug is taken.
    let fake: FakeDigitalOcean
    var builder: WorldBuilder
    /// The fields of each live droplet's recorded spec, by droplet id (so it follows renames).
    var specFields: [Int: Set<String>] = [:]
    var tenancy = TenancyWalk()

    init(scenario: Scenario, sourceMap: ScenarioSourceMap) {
        self.scenario = scenario
        self.sourceMap = sourceMap
        fake = FakeDigitalOcean(seed: scenario.seed, start: scenario.clock.start, checksCatalogue: false)
        builder = WorldBuilder(fake: fake)
    }

    func error(_ field: String, near item: ScenarioLocation?, _ message: String) -> ScenarioError {
        let location = sourceMap.locations[field] ?? item
            ?? ScenarioLocation(file: scenario.file ?? scenario.name, line: 0, column: 0)
        return ScenarioError(location: location, field: field, message: message)
    }

    func checkClock() throws(ScenarioError) {
        let clock = scenario.clock
        guard clock.end > clock.start else {
            throw error("clock.end", near: nil, "must be after clock.start (\(clock.start)); the clock runs start ..< end")
        }
    }

    /// The fake moves the default to the latest project marked so, and makes `Default` on demand:
    /// a scenario must say which one it means.
    func checkProjects() throws(ScenarioError) {
        let projects = scenario.world.projects
        var defaultProject: Int?
        for (index, project) in projects.enumerated() {
            let field = "world.projects[\(index)]"
            guard !projects[..<index].contains(where: { $0.name == project.name }) else {
                throw error("\(field).name", near: project.location, "another world project is already named '\(project.name)'")
            }
            if project.isDefault {
                if let first = defaultProject {
                    throw error("\(field).default", near: project.location,
                                "world.projects[\(first)] is already the default project; an account has exactly one")
                }
                defaultProject = index
            }
        }
        if defaultProject == nil, let index = projects.firstIndex(where: { $0.name == impliedDefaultProject }) {
            throw error("world.projects[\(index)].name", near: projects[index].location,
                        "'\(impliedDefaultProject)' is the project the fake provider creates when no world project "
                            + "is marked 'default: true'; mark this one default or rename it")
        }
    }

    /// The world on the scratch fake; a world droplet's `created_at` is checked against the clock first.
    mutating func buildWorld() throws(ScenarioError) {
        for (index, droplet) in scenario.world.droplets.enumerated() {
            if let createdAt = droplet.createdAt, createdAt > scenario.clock.start {
                throw error("world.droplets[\(index)].created_at", near: droplet.location,
                            "is after clock.start (\(scenario.clock.start)); a world droplet exists when the clock starts, "
                                + "so create later droplets in the timeline")
            }
        }
        do {
            try builder.buildItems(scenario)
        } catch {
            throw refusal(error.underlying, at: error.path, near: error.location, when: nil)
        }
        for droplet in scenario.world.droplets where droplet.provisioned {
            if let id = try? fake.dropletID(name: droplet.name) { specFields[id] = Self.provisionedFields }
        }
    }

    mutating func playTimeline() throws(ScenarioError) {
        var previous: Timestamp?
        for (position, event) in scenario.timeline.enumerated() {
            let index = event.fileIndex ?? position
            let item = "timeline[\(index)]"
            let clock = scenario.clock
            if let previous, event.at < previous {
                throw error("\(item).at", near: event.location,
                            "is earlier than the event before it; a timeline must be in execution order (by 'at')")
            }
            guard event.at >= clock.start else {
                throw error("\(item).at", near: event.location, "is before clock.start (\(clock.start))")
            }
            guard event.at < clock.end else {
                throw error("\(item).at", near: event.location,
                            "is not before clock.end (\(clock.end)); the clock runs start ..< end, so nothing happens at end")
            }
            fake.advance(to: event.at)
            try play(event, field: "\(item).\(event.action.kind.rawValue)")
            previous = event.at
        }
    }

    /// The platform's actions are checked here; every other action is played on the scratch world.
    private mutating func play(_ event: TimelineEvent, field: String) throws(ScenarioError) {
        let near = event.location
        let when = event.at
        switch event.action {
        case .createProject(let project) where project.name == impliedDefaultProject && fake.projectNames.contains(project.name):
            // Implied, the fake would create it, not refuse it: but `project: Default` already names it.
            throw error("\(field).name", near: near, "a project named '\(project.name)' already exists")
        case .reingestInvoice(let period):
            try checkReingest(period, field: field, near: near, when: when)
        case .provision(let name, let spec):
            try recordProvision(name, spec, field: field, near: near, when: when)
        case .acceptDrift(let name, let specField):
            try checkAcceptDrift(name, specField, field: field, near: near, when: when)
        case .subscribe, .changeSubscription, .endSubscription, .meterUsage:
            try applyTenancy(event, field: field)
        case .rollupInvoices, .invoicePaid, .invoiceVoid:
            try checkRevenueAction(event.action, field: field, near: near, when: when)
        default:
            do {
                try builder.applyAction(event.action)
                if case .fault(let fault) = event.action, let shift = fault.then { try builder.applyListingShiftNow(shift) }
            } catch {
                throw refusal(error, at: field, near: near, when: when)
            }
            if case .createDroplet(let droplet) = event.action, droplet.provisioned {
                specFields[try liveDroplet(droplet.name, "\(field).name", near: near, when: when)] = Self.provisionedFields
            }
        }
    }

    /// The id of the droplet live under `name` at `when`, or an error at `field`.
    func liveDroplet(_ name: String, _ field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) -> Int {
        do {
            return try fake.dropletID(name: name)
        } catch {
            throw refusal(error, at: field, near: near, when: when, fieldIsExact: true)
        }
    }
}
