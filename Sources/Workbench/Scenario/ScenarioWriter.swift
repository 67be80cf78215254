import ArcadiaCore
import DigitalOcean
import MoneyAndTime

/// Writes a `Scenario` as the canonical YAML of `docs/scenario-format.md`, which
/// `ScenarioParser` reads back to an equal value (locations and `file` aside).
///
/// One writer for every scenario the workbench makes rather than reads: a ledger captured as a
/// scenario, a client's writes recorded on the fake, a fuzzer's shrunk case. Canonical means the
/// same value always gives the same bytes: keys in the order the format's tables list them (the
/// timeline, then `expect:`, last), keys equal to the parser's default left out, times as
/// `YYYY-MM-DDTHH:MM:SSZ`, money as dollars with two decimals, strings quoted only where YAML
/// would misread them, and the layout chosen by `YAMLTree`'s one rule.
public enum ScenarioWriter {
    public static func yaml(_ scenario: Scenario) -> String {
        YAMLTree.document(document(scenario))
    }

    static func document(_ scenario: Scenario) -> [YAMLTree.Entry] {
        let sections: [YAMLTree.Entry?] = [
            .entry("scenario", .text(scenario.name)),
            .entry("description", scenario.description.isEmpty ? nil : .text(scenario.description)),
            .entry("seed", .int(scenario.seed)),
            .entry("clock", .mapping(.entry("start", time(scenario.clock.start)), .entry("end", time(scenario.clock.end)))),
            .entry("world", scenario.world == WorldSpec() ? nil : world(scenario.world)),
            .entry("account", scenario.account == AccountSpec() ? nil : account(scenario.account)),
            .entry("drift_ignore", scenario.driftIgnore.isEmpty ? nil : .list(scenario.driftIgnore.map { ignoreRule($0.rule) })),
            .entry("tenants", scenario.tenancy.tenants.isEmpty ? nil : .list(scenario.tenancy.tenants.map(tenant))),
            .entry("deployments", scenario.tenancy.deployments.isEmpty ? nil : .list(scenario.tenancy.deployments.map(deployment))),
            .entry("metering", scenario.metering.policies.isEmpty ? nil : metering(scenario.metering)),
            .entry("pricebooks", scenario.priceBooks.isEmpty ? nil : .list(scenario.priceBooks.map(priceBook))),
            .entry("timeline", scenario.timeline.isEmpty ? nil : .list(scenario.timeline.map(timelineItem))),
            .entry("expect", scenario.expectations.isEmpty ? nil : .list(scenario.expectations.map(expectation))),
        ]
        return sections.compactMap { $0 }
    }

    static func time(_ time: Timestamp) -> YAMLTree { .token(time.iso8601) }

    /// A list of strings, left out when empty (the parser's default for every optional list).
    static func optionalTexts(_ values: [String]) -> YAMLTree? {
        values.isEmpty ? nil : .texts(values)
    }

    private static func account(_ account: AccountSpec) -> YAMLTree {
        .mapping(
            .entry("tax", account.tax.map { tax in
                .mapping(.entry("rate", .token(percent(basisPoints: tax.basisPoints))), .entry("description", .text(tax.description)))
            }),
            .entry("csv_columns", account.csvColumns.map(YAMLTree.texts)))
    }

    /// `10%`, `12.5%`, `7.25%`: basis points as the percentage the format writes.
    private static func percent(basisPoints: Int) -> String {
        let whole = String(basisPoints / 100)
        let hundredths = basisPoints % 100
        guard hundredths != 0 else { return whole + "%" }
        let fraction = hundredths < 10 ? "0\(hundredths)" : String(hundredths / (hundredths % 10 == 0 ? 10 : 1))
        return "\(whole).\(fraction)%"
    }

    private static func ignoreRule(_ rule: IgnoreRule) -> YAMLTree {
        .mapping(
            .entry("rule", .text(rule.id)),
            .entry("kind", rule.kind.map { .text($0.rawValue) }),
            .entry("name", rule.nameGlob.map(YAMLTree.text)),
            .entry("tag", rule.tag.map(YAMLTree.text)),
            .entry("field", .text(rule.field)),
            .entry("reason", .text(rule.reason)),
            .entry("expires", time(rule.expires)))
    }
}
