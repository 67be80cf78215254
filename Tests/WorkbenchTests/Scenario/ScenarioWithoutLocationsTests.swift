import Testing
import WorkbenchTestSupport
@testable import Workbench

struct ScenarioWithoutLocationsTests {
    /// Reflection reaches every spec, including ones added later, so a location the
    /// normalisation forgets shows up here as the file's name.
    @Test func noLocationIsLeftAnywhere() throws {
        let file = ScenarioFixtures.shippedPath("every-key")
        let scenario = try ScenarioParser.parse(yaml: ScenarioWriterFixtures.everything, file: file)
        #expect(String(reflecting: scenario).contains("every-key.yaml:"))
        let cleared = scenario.withoutLocations()
        #expect(!String(reflecting: cleared).contains("every-key.yaml"))
        #expect(cleared.file == nil)
        #expect(cleared.timeline.map(\.at) == scenario.timeline.map(\.at))
        #expect(cleared.world.droplets.map(\.name) == scenario.world.droplets.map(\.name))
    }
}
