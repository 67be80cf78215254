import ArcadiaCore
import Foundation
import Synchronization

/// Plays one scenario under every invariant: after each job, no droplet stale while it exists in
/// the fake and (for a seeded sample of the runs that succeeded, and every daily job) re-running
/// the job writes nothing new; after the run, `LedgerInvariants`; then the scenario is played a
/// second time and the two ledgers must be the same bytes.
public enum ScenarioCheck {
    /// One in this many frequent (quarter-hourly, hourly) job runs is re-run; the daily and
    /// monthly jobs always are.
    public static let rerunOneIn = 40

    public static func violations(of scenario: Scenario) async -> [Violation] {
        let first = await play(scenario)
        var violations = first.violations
        if let ledger = first.ledger {
            let second = await play(scenario)
            if let other = second.ledger, (try? LedgerExport.export(ledger)) != (try? LedgerExport.export(other)) {
                violations.append(Violation(.determinism, "two runs of seed \(scenario.seed) left different ledgers"))
            }
        }
        var seen = Set<String>()
        return violations.filter { seen.insert($0.description).inserted }
    }

    /// Whether `scenario` still fails like `violation` (what the shrinker asks of each candidate).
    public static func violates(_ scenario: Scenario, like violation: Violation) async -> Bool {
        if violation.invariant == .determinism { return await violations(of: scenario).contains { $0.isLike(violation) } }
        return await play(scenario).violations.contains { $0.isLike(violation) }
    }

    private static func play(_ scenario: Scenario) async -> (violations: [Violation], ledger: Ledger?) {
        let log = Log(seed: scenario.seed)
        let simulator = Simulator(options: .init(afterJob: { probe in
            var violations = try RunInvariants.noneStaleWhileExisting(probe)
            let daily = [JobID.costInvoices, .revenueMetering, .revenueRollup, .revenueIssue].contains(probe.job)
            if probe.outcome.failures.isEmpty, log.drawRerun() || daily {
                violations += try await RunInvariants.rerunWritesNothing(probe)
            }
            log.add(violations)
        }))
        do {
            let result = try await simulator.run(scenario)
            return (log.violations + (try LedgerInvariants.check(result.ledger)), result.ledger)
        } catch {
            return (log.violations + [Violation(.plays, "the scenario did not play: \(error)")], nil)
        }
    }

    /// What one play found so far, and the seeded draw of which runs to re-run.
    private final class Log: Sendable {
        private let state: Mutex<(violations: [Violation], sample: SplitMix64)>

        init(seed: UInt64) { state = Mutex(([], SplitMix64(seed: seed ^ 0x5EED_F022))) }

        var violations: [Violation] { state.withLock { $0.violations } }
        func add(_ found: [Violation]) { state.withLock { $0.violations += found } }
        func drawRerun() -> Bool { state.withLock { $0.sample.below(ScenarioCheck.rerunOneIn) == 0 } }
    }
}
