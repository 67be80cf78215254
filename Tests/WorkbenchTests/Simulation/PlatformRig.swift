import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
@testable import Workbench

/// The simulator's wiring without its loop, for tests that drive the jobs themselves (a plain loop,
/// the service's scheduler): the scenario's fake world, the production client stack over it (DO's
/// retry policy, no listing memo), one `JobRunner` and the platform set up, on a fresh in-memory
/// ledger at the clock's start.
struct PlatformRig {
    let fake: FakeDigitalOcean
    let clock: VirtualClock
    let ledger: Ledger
    var world: WorldBuilder
    let runner: JobRunner
    let platform: Platform

    init(_ scenario: Scenario) throws {
        fake = FakeDigitalOcean(seed: scenario.seed, start: scenario.clock.start)
        clock = VirtualClock(start: scenario.clock.start)
        ledger = try Ledger()
        world = WorldBuilder(fake: fake)
        try world.build(scenario)
        let transport = RetryingTransport(fake.transport, policy: .godo, sleeper: RetryWaits(fake: fake).sleeper)
        let client = DigitalOceanClient(transport: transport, token: FakeDigitalOcean.defaultToken)
        runner = JobRunner(client: client, ledger: ledger, clock: clock.engineClock, ignoreRules: scenario.driftIgnore.map(\.rule))
        platform = Platform(runner: runner, tenancy: TenancyEngine(ledger: ledger, clock: clock.engineClock), fake: fake)
        try platform.setUp(scenario)
    }
}
