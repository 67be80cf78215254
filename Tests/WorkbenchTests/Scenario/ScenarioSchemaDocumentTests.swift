import Foundation
import Testing
import TestSupport
import Workbench
import WorkbenchTestSupport

/// The committed schema is the generated one, and a real validator (PyPI's check-jsonschema,
/// which `scripts/setup` installs) accepts every shipped scenario with it and refuses a broken one.
@Suite struct ScenarioSchemaDocumentTests {
    let root = RepoPaths.root()
    var schemaPath: String { root.appendingPathComponent(ScenarioSchema.documentPath).path }

    func checkJSONSchema(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try CheckJSONSchema.run(arguments)
    }

    @Test func theCommittedSchemaIsTheGeneratedOne() throws {
        let committed = try String(contentsOfFile: schemaPath, encoding: .utf8)
        #expect(committed == ScenarioSchema.jsonSchema(), "run `swift run arcadia schema > docs/scenario.schema.json` and commit it")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(committed.utf8)) as? [String: Any])
        #expect((json["required"] as? [String]) == ["scenario", "seed", "clock"])
    }

    @Test func checkJSONSchemaAcceptsTheSchemaAndEveryShippedScenario() throws {
        let meta = try checkJSONSchema(["--check-metaschema", schemaPath])
        #expect(meta.status == 0, "\(meta.output) (is check-jsonschema installed? run scripts/setup)")
        let scenarios = ScenarioFixtures.shippedNames.map { ScenarioFixtures.shippedPath($0) }
        #expect(scenarios.count >= 29)
        let result = try checkJSONSchema(["--schemafile", schemaPath] + scenarios)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func checkJSONSchemaAcceptsAnInlineTieredBookAndRefusesAMisspeltTier() throws {
        let directory = try RepoPaths.temporaryDirectory()
        let scenario = { (tier: String) in
            """
            scenario: tiered
            seed: 1
            clock: {start: 2026-04-01, end: 2026-04-02}
            pricebooks:
              - name: tiered
                effective_from: 2026-01-01
                plans:
                  - code: starter
                    name: Starter
                    base_price: 10.00
                    items:
                      - billing_kind: droplet_hours
                        included: 744
                        overage: {mode: graduated, tiers: [{up_to: 500, unit_price: 0.015}, {\(tier): 0.01}]}
                      - {billing_kind: dns_zones, included: 1, overage: 1.00}
            """
        }
        let good = try ScenarioFixtures.write(scenario("unit_price"), to: directory, as: "good.yaml")
        #expect(throws: Never.self) { try ScenarioParser.load(path: good) }
        let accepted = try checkJSONSchema(["--schemafile", schemaPath, good])
        #expect(accepted.status == 0, "\(accepted.output)")
        let bad = try ScenarioFixtures.write(scenario("unit_prize"), to: directory, as: "bad.yaml")
        let refused = try checkJSONSchema(["--schemafile", schemaPath, bad])
        #expect(refused.status == 1 && refused.output.contains("unit_prize"), "\(refused.output)")
    }

    @Test func checkJSONSchemaRefusesABrokenScenarioNamingWhatIsWrong() throws {
        let directory = try RepoPaths.temporaryDirectory()
        let text = try String(contentsOfFile: ScenarioFixtures.shippedPath("droplet-lifecycle"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: "resize_droplet: {name: web-1, size:", with: "resize_droplet: {name: web-1, sise:")
            .replacingOccurrences(of: "seed: 7", with: "seed: seven")
        #expect(broken != text)
        let file = try ScenarioFixtures.write(broken, to: directory, as: "broken.yaml")
        let result = try checkJSONSchema(["--schemafile", schemaPath, file])
        #expect(result.status == 1)
        #expect(result.output.contains("$.seed") && result.output.contains("sise"), "\(result.output)")
    }
}
