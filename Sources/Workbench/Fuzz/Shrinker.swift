import MoneyAndTime

/// Makes a failing scenario small: drops timeline events (halves, then quarters, … then one at a
/// time until none can go), then world droplets, then the later days of the clock, keeping each cut only when the
/// result is still a valid scenario and still fails. Deterministic: the same scenario and the same
/// `stillFails` give the same result. `budget` bounds how many candidates are played.
public enum Shrinker {
    public static func shrink(_ scenario: Scenario, budget: Int = 400,
                              stillFails: (Scenario) async -> Bool) async -> Scenario {
        var best = scenario
        var tries = 0
        func attempt(_ candidate: Scenario) async -> Bool {
            guard tries < budget, (try? ScenarioValidator.validate(candidate)) != nil else { return false }
            tries += 1
            guard await stillFails(candidate) else { return false }
            best = candidate
            return true
        }

        // Halves, quarters, … single events; then single events again until none can go (dropping
        // one may free another: a plan change can go only once its subscription has).
        var chunk = max(1, best.timeline.count / 2)
        var removed = true
        while removed, tries < budget {
            removed = false
            var start = 0
            while start < best.timeline.count, tries < budget {
                var candidate = best
                candidate.timeline.removeSubrange(start..<min(start + chunk, candidate.timeline.count))
                if await attempt(candidate) { removed = true } else { start += chunk }
            }
            if chunk > 1 {
                chunk /= 2
                removed = true
            }
        }
        var index = best.world.droplets.count - 1
        while index >= 0, tries < budget {
            var candidate = best
            candidate.world.droplets.remove(at: index)
            _ = await attempt(candidate)
            index -= 1
        }
        while best.clock.end - best.clock.start > 86_400, tries < budget {
            var candidate = best
            candidate.clock.end = candidate.clock.end - 86_400
            candidate.timeline.removeAll { $0.at >= candidate.clock.end }
            if await !attempt(candidate) { break }
        }
        return best
    }
}
