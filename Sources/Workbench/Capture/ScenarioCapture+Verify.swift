import ArcadiaCore
import Foundation
import GRDB
import MoneyAndTime

/// A capture proves itself: the scenario, as written and read back, is played and its invoice
/// compared with the ledger's, line by line. Nothing is written unless they are equal.
extension ScenarioCapture {
    /// The differences between the captured invoice and the replayed one, as `-` (ledger) and
    /// `+` (replay) lines; empty when the replay reproduces it to the cent.
    public static func verify(_ captured: Captured, yaml: String, file: String) async throws -> [String] {
        let scenario = try ScenarioParser.parse(yaml: yaml, file: file)
        let ledger = try await Simulator().run(scenario).ledger
        let invoice = captured.invoice
        let replayed = try await ledger.read { db -> TenantInvoice? in
            try InvoiceExplainer.invoiceID(tenant: invoice.tenant, period: invoice.period, db).flatMap { try TenantInvoice.load(id: $0, db) }
        }
        let original = summary(invoice)
        let again = replayed.map(summary) ?? ["(no invoice for \(invoice.tenant) in \(invoice.period))"]
        guard original != again else { return [] }
        // Which resource the replay metered otherwise is what the reader needs next.
        let replayedUsage = try await ledger.read { db in try usageByResource(tenant: invoice.tenant, period: invoice.period, db) }
        let usage = captured.usage.filter { !replayedUsage.contains($0) }.map { "- \($0)" }
            + replayedUsage.filter { !captured.usage.contains($0) }.map { "+ \($0)" }
        return Self.differences(original, again) + (usage.isEmpty ? [] : ["usage by resource (- ledger, + replay):"] + usage)
    }

    private static func differences(_ original: [String], _ again: [String]) -> [String] {
        original.filter { !again.contains($0) }.map { "- \($0)" } + again.filter { !original.contains($0) }.map { "+ \($0)" }
    }

    /// Each resource's metered usage of the tenant's deployments in the period, by kind and name
    /// (`droplet a-2 droplet_hours 718.25`): the replay's resources have other ids, not other names.
    static func usageByResource(tenant: String, period: BillingPeriod, _ db: Database) throws -> [String] {
        let records = try UsageRecord.fetchAll(db, sql: """
            SELECT u.* FROM usage_records u JOIN deployments d ON d.id = u.deployment_id JOIN tenants t ON t.id = d.tenant_id
            WHERE t.code = ? AND u.source = 'metered' AND u.period_start >= ? AND u.period_start < ?
            """, arguments: [tenant, period.start, period.end])
        var resources: [Int64: CloudResource] = [:]
        var totals: [String: Decimal] = [:]
        for record in records {
            if resources[record.resourceID] == nil { resources[record.resourceID] = try CloudResource.fetchOne(db, key: record.resourceID) }
            guard let resource = resources[record.resourceID] else { continue }
            totals["\(resource.kind) \(resource.name) \(record.billingKind)", default: 0] += record.quantity.decimal
        }
        return totals.sorted { $0.key < $1.key }.map { "\($0.key) \(DecimalText.format($0.value))" }
    }

    /// The figures a reproduction must match: the totals and every line as the invoice shows it.
    static func summary(_ invoice: TenantInvoice) -> [String] {
        ["subtotal \(invoice.subtotal.decimalString), tax \(invoice.tax.decimalString), total \(invoice.total.decimalString)"]
            + invoice.lines.map { line in
                "line \(line.lineNo) \(line.kind.rawValue) \(line.deploymentCode ?? "-") \(line.description): "
                    + line.arithmetic(daysInPeriod: invoice.period.days)
            }
    }

    /// Captures, verifies and writes the new file `out`, or refuses with the differences and writes
    /// nothing. The scenario is named after the file when its name is a scenario name
    /// (`scenarios/acme-april.yaml` → `acme-april`, so its goldens are `goldens/acme-april/`), so
    /// two captures of one month kept side by side do not clash.
    public static func write(tenant: String, period: BillingPeriod, from ledger: Ledger, to out: NewFileOutput) async throws -> Captured {
        var captured = try await capture(tenant: tenant, period: period, from: ledger)
        if out.stem.wholeMatch(of: /[a-z0-9][a-z0-9-]*/) != nil, out.stem.utf8.count <= YAMLNodeReader.longestScenarioName {
            captured.scenario.name = out.stem
        }
        let yaml = ScenarioWriter.yaml(captured.scenario)
        let differences: [String]
        do {
            differences = try await verify(captured, yaml: yaml, file: out.target)
        } catch let error as ScenarioError {
            // The file was never written, so its line and column point at the text that would have been.
            throw Refusal(description: "the captured scenario does not play (a capture defect, worth reporting), so nothing was written; "
                              + "at the line it would have had: \(error)")
        }
        guard differences.isEmpty else {
            throw Refusal(description: "the captured scenario does not reproduce \(tenant)'s invoice for \(period), so nothing was written:\n"
                              + differences.joined(separator: "\n"))
        }
        try out.write(yaml)
        return captured
    }
}
