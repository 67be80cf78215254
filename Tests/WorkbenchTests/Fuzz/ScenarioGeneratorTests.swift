import Foundation
import Testing
import Workbench

/// The fuzzer's generator: valid, deterministic, varied, and a file `arcadia run` reads back.
@Suite struct ScenarioGeneratorTests {
    @Test func theSameSeedGivesTheSameScenarioAndFile() throws {
        for seed: UInt64 in [1, 2, 99] {
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: true)
            #expect(try ScenarioGenerator.fuzz(seed: seed, faults: true) == scenario)
            #expect(ScenarioWriter.yaml(try ScenarioGenerator.fuzz(seed: seed, faults: true)) == ScenarioWriter.yaml(scenario))
        }
        #expect(try ScenarioGenerator.fuzz(seed: 1, faults: false) != ScenarioGenerator.fuzz(seed: 2, faults: false))
    }

    /// Every seed of a wide range, with and without faults, gives a scenario the validator takes
    /// (`fuzz` validates, and a second validation of the returned value must agree).
    @Test func everySeedOfARangeValidates() throws {
        for seed: UInt64 in 1...300 {
            for faults in [false, true] {
                let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: faults)
                #expect(throws: Never.self, "seed \(seed)") { try ScenarioValidator.validate(scenario) }
            }
        }
    }

    /// Every generated scenario is written as a file the parser reads back to the same value.
    @Test func aGeneratedScenarioReadsBackFromItsFile() throws {
        for seed: UInt64 in 1...20 {
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: seed.isMultiple(of: 2))
            let parsed = try ScenarioParser.parse(yaml: ScenarioWriter.yaml(scenario), file: "fuzz.yaml")
            #expect(parsed.withoutLocations() == scenario, "seed \(seed)")
        }
    }

    /// Seed 36's finding: a re-ingest is drawn only where no fault can keep the month's invoice
    /// out of the ledger (a failing invoice listing), else the run refuses the re-ingest.
    @Test func aReingestIsNeverDrawnWhereTheInvoiceListingMayFail() throws {
        var reingests = 0
        for seed: UInt64 in 1...120 {
            let timeline = try ScenarioGenerator.fuzz(seed: seed, faults: true).timeline
            let invoicesFault = timeline.contains { event in
                if case .fault(let fault) = event.action { return fault.path == "/v2/customers/my/invoices" }
                return false
            }
            let reingest = timeline.contains { event in
                if case .reingestInvoice = event.action { return true }
                return false
            }
            #expect(!(invoicesFault && reingest), "seed \(seed)")
            if reingest { reingests += 1 }
        }
        #expect(reingests > 0, "re-ingests are still drawn")
    }

    /// Across a few seeds the generator reaches every area the issue names: every world kind and
    /// action below, drift (provisioned droplets changed out of band), every kind of fault, a month
    /// boundary, and a price book changing at it.
    @Test func theGeneratorCoversEveryArea() throws {
        var actions = Set<String>()
        var crossesAMonth = true
        var bookChanges = false
        var world = (volumes: false, domains: false, buckets: false, provisioned: false)
        var faults = (status: false, body: false, rateLimit: false, shift: false)
        for seed: UInt64 in 1...60 {
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: true)
            for event in scenario.timeline {
                actions.insert(String(describing: event.action).prefix { $0 != "(" }.description)
                if case .fault(let fault) = event.action {
                    faults.status = faults.status || (fault.body == nil && fault.then == nil && fault.status >= 500)
                    faults.body = faults.body || fault.body != nil
                    faults.rateLimit = faults.rateLimit || fault.status == 429
                    faults.shift = faults.shift || fault.then != nil
                }
            }
            let monthEnd = scenario.clock.start.startOfNextMonth
            crossesAMonth = crossesAMonth && monthEnd < scenario.clock.end
            bookChanges = bookChanges || scenario.priceBooks.dropFirst().contains { $0.book.effectiveFrom == monthEnd }
            world.volumes = world.volumes || !scenario.world.volumes.isEmpty
            world.domains = world.domains || !scenario.world.domains.isEmpty
            world.buckets = world.buckets || !scenario.world.spacesBuckets.isEmpty
            world.provisioned = world.provisioned || scenario.world.droplets.contains(where: \.provisioned)
            #expect(!scenario.tenancy.deployments.isEmpty)
        }
        #expect(crossesAMonth)
        #expect(bookChanges)
        #expect(world == (true, true, true, true))
        #expect(faults == (true, true, true, true))
        for action in ["createDroplet", "destroyDroplet", "renameDroplet", "resizeDroplet", "powerOffDroplet", "powerOnDroplet", "tagDroplet", "untagDroplet",
                       "takeSnapshot", "deleteSnapshot", "enableBackups", "disableBackups", "moveToProject",
                       "createVolume", "attachVolume", "detachVolume", "deleteVolume", "createDomain", "deleteDomain",
                       "reserveIP", "assignIP", "unassignIP", "releaseIP", "createLoadBalancer", "updateLoadBalancer", "deleteLoadBalancer",
                       "createFirewall", "updateFirewall", "deleteFirewall", "createSpacesBucket", "setSpacesBucketSize", "deleteSpacesBucket",
                       "createDatabase", "deleteDatabase", "subscribe", "changeSubscription", "endSubscription",
                       "fault", "corruptInvoiceCSV", "setInvoiceCSVColumns", "reingestInvoice"] {
            #expect(actions.contains(action), "no \(action) in 60 seeds")
        }
    }
}
