import ArcadiaCore

/// One `drift_ignore:` item: the engine's rule plus where it was written, for validator errors.
public struct DriftIgnoreSpec: Sendable, Equatable {
    public var rule: IgnoreRule
    public var location: ScenarioLocation?
    public init(rule: IgnoreRule, location: ScenarioLocation? = nil) {
        self.rule = rule
        self.location = location
    }
}
