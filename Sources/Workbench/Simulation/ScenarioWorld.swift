import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime

/// A scenario's fake DigitalOcean as it stands at one instant, for serving over HTTP
/// (`arcadia fake-do serve`) or syncing once, outside the simulator's event loop.
public enum ScenarioWorld {
    /// Builds the initial world, then applies every timeline event at or before `instant` (default:
    /// `clock.end`), in file order with the fake's clock at each event's time, as the simulator
    /// does; the fake's clock is left at `instant`. No sync runs, so a `fault` event's failures are
    /// all still pending: the first matching requests get them.
    public static func build(_ scenario: Scenario, at instant: Timestamp? = nil) throws(SimulationError) -> FakeDigitalOcean {
        try played(scenario, at: instant).fake
    }

    /// As `build`, keeping the world that played the timeline (its reserved-IP labels name what a
    /// recording writes down).
    public static func played(_ scenario: Scenario, at instant: Timestamp? = nil) throws(SimulationError) -> MovingScenarioWorld {
        let instant = instant ?? scenario.clock.end
        guard instant >= scenario.clock.start, instant <= scenario.clock.end else {
            throw SimulationError(location: nil, message: "\(instant) is outside the scenario's clock \(scenario.clock.start) ..< \(scenario.clock.end)")
        }
        let moving = try MovingScenarioWorld(scenario)
        try moving.advance(to: instant)
        return moving
    }
}
