import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime
import Synchronization

/// A scenario's fake DigitalOcean that moves in time (`arcadia fake-do serve --speed`): built at
/// `clock.start`, then brought forward to each instant asked for, playing every timeline event it
/// passes in file order with the fake's clock at the event's time, as the simulator does. Only the
/// world side of an event is played (the platform side is the service's own business); a `fault`
/// event arms its failures for the next matching requests.
public final class MovingScenarioWorld: Sendable {
    public let fake: FakeDigitalOcean
    private let scenario: Scenario
    private let state: Mutex<(world: WorldBuilder, next: Int)>

    public init(_ scenario: Scenario) throws(SimulationError) {
        self.scenario = scenario
        fake = FakeDigitalOcean(seed: scenario.seed, start: scenario.clock.start)
        var world = WorldBuilder(fake: fake)
        try world.build(scenario)
        state = Mutex((world, 0))
    }

    /// The scenario's label for a reserved IP's address (the address itself if it has none).
    public func label(ofAddress ip: String) -> String {
        state.withLock { $0.world.label(ofAddress: ip) }
    }

    /// Plays the events at or before `time` not played yet, then sets the fake's clock to `time`.
    /// Time never goes back: an earlier instant changes nothing.
    public func advance(to time: Timestamp) throws(SimulationError) {
        try state.withLock { (state: inout (world: WorldBuilder, next: Int)) throws(SimulationError) in
            guard time >= fake.now else { return }
            while state.next < scenario.timeline.count, scenario.timeline[state.next].at <= time {
                let event = scenario.timeline[state.next]
                fake.advance(to: event.at)
                do throws(SimulationError) {
                    try state.world.apply(event)
                } catch {
                    throw error.inTimeline(event.fileIndex ?? state.next, at: event.at)
                }
                state.next += 1
            }
            fake.advance(to: time)
        }
    }
}
