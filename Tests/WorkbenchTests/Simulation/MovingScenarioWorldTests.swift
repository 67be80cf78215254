import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime
import Testing
import WorkbenchTestSupport
@testable import Workbench

/// The fake `fake-do serve --speed` serves: brought forward step by step, it answers as the frozen
/// fake built at each instant does.
@Suite struct MovingScenarioWorldTests {
    static func droplets(_ fake: FakeDigitalOcean) -> String {
        let answer = fake.respond(to: APIRequest(path: "/v2/droplets", headers: ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)"]))
        return String(decoding: answer.body, as: UTF8.self)
    }

    @Test func aMovingWorldPassesThroughEveryFrozenOne() throws {
        let scenario = try ScenarioFixtures.shipped("revenue-month-end")
        let moving = try MovingScenarioWorld(scenario)
        let instants = [scenario.clock.start, Timestamp(year: 2026, month: 4, day: 10, hour: 12), Timestamp(year: 2026, month: 4, day: 10, hour: 13),
                        Timestamp(year: 2026, month: 4, day: 10, hour: 18), Timestamp(year: 2026, month: 5, day: 2)]
        var bodies: [String] = []
        for instant in instants {
            try moving.advance(to: instant)
            #expect(moving.fake.now == instant)
            bodies.append(Self.droplets(moving.fake))
            #expect(bodies.last == Self.droplets(try ScenarioWorld.build(scenario, at: instant)), "at \(instant)")
        }
        #expect(bodies[1].contains(#""off""#) && !bodies[3].contains(#""off""#), "api-4 is off from 12:00 to 18:00")
        try moving.advance(to: scenario.clock.start)
        #expect(moving.fake.now == instants.last, "time never goes back")
    }
}
