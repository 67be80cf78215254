import ArcadiaCore
import DigitalOcean
import Foundation
import MoneyAndTime

// Inline expectations (`expect:`): what a scenario says must hold once it has run, in its own
// units (dollars with two decimals, quantities as written). Their specs, their YAML and the
// validator's checks; `ExpectationCheck` (Run/) compares them with the run's ledger.

/// One `expect:` item: a check and where it was written (its JUnit case points there).
public struct ExpectationSpec: Sendable, Equatable {
    public enum Check: Sendable, Equatable {
        /// The tenant-month's invoice (the latest that is not void; else the latest).
        case tenantInvoice(tenant: String, period: BillingPeriod, status: TenantInvoiceStatus?, subtotal: Money?, tax: Money?, total: Money?)
        /// One line (`line_no`, 1-based) of that invoice.
        case invoiceLine(tenant: String, period: BillingPeriod, line: Int, amount: Money?, quantity: Decimal?)
        /// A deployment's metered usage of a billing kind over a month (as invoicing sums it).
        case usage(deployment: String, period: BillingPeriod, billingKind: BillingKind, quantity: Decimal)
        /// A resource's inventory row at the end of the run, by kind and name (the last seen of that name).
        case resource(kind: ResourceKind, name: String, status: String?, staleAt: Timestamp?)
        /// Drift findings still open at the end of the run.
        case openDrifts(count: Int)
        /// The DigitalOcean invoice of a month: its total and the share of its lines matched.
        case doInvoice(period: BillingPeriod, total: Money?, matchRate: String?)
    }

    public var check: Check
    public var location: ScenarioLocation?

    public init(check: Check, location: ScenarioLocation? = nil) {
        self.check = check
        self.location = location
    }

    /// The key the item is written with (`tenant_invoice`, …).
    public var kind: ExpectationKind {
        switch check {
        case .tenantInvoice: .tenantInvoice
        case .invoiceLine: .invoiceLine
        case .usage: .usage
        case .resource: .resource
        case .openDrifts: .openDrifts
        case .doInvoice: .doInvoice
        }
    }
}

public enum ExpectationKind: String, CaseIterable, Sendable {
    case tenantInvoice = "tenant_invoice"
    case invoiceLine = "invoice_line"
    case usage
    case resource
    case openDrifts = "open_drifts"
    case doInvoice = "do_invoice"

    static let keys = allCases.map(\.rawValue)
    /// Per kind, the keys that state something; an item must state at least one.
    static let statedKeys: [ExpectationKind: [String]] = [
        .tenantInvoice: ["status", "subtotal", "tax", "total"],
        .invoiceLine: ["amount", "quantity"],
        .resource: ["status", "stale_at"],
        .doInvoice: ["total", "match_rate"],
    ]
}

extension YAMLNodeReader {
    func expectations(_ field: YAMLField) throws(ScenarioError) -> [ExpectationSpec] {
        var items: [ExpectationSpec] = []
        for item in try list(field) {
            items.append(try expectation(item))
        }
        return items
    }

    /// Each item is exactly one kind key whose mapping names what is checked and what it must be.
    private func expectation(_ item: YAMLField) throws(ScenarioError) -> ExpectationSpec {
        let map = try mapping(item, allowed: ExpectationKind.keys)
        guard let entry = map.entries.first, let kind = ExpectationKind(rawValue: entry.key) else {
            throw error(item, "has no check; add exactly one of: \(ExpectationKind.keys.joined(separator: ", "))")
        }
        guard map.entries.count == 1 else {
            throw error(YAMLField(node: map.entries[1].keyNode, path: item.path),
                        "has more than one check (\(map.entries.map(\.key).joined(separator: ", "))); write one item per check")
        }
        let body = YAMLField(node: entry.value, path: item.childPath(kind.rawValue))
        return ExpectationSpec(check: try expectationCheck(kind, body), location: map.location)
    }

    private func expectationCheck(_ kind: ExpectationKind, _ body: YAMLField) throws(ScenarioError) -> ExpectationSpec.Check {
        let money = { (field: YAMLField) throws(ScenarioError) -> Money in try self.dollars(field, example: "70.64") }
        switch kind {
        case .tenantInvoice:
            let map = try statingMapping(body, kind, required: ["tenant", "period"])
            let status = try map.optional("status").map { field throws(ScenarioError) in
                try oneOf(field, TenantInvoiceStatus.allCases.map { ($0.rawValue, $0) })
            }
            return .tenantInvoice(tenant: try nonEmptyString(map.required("tenant")), period: try billingPeriod(map.required("period")),
                                  status: status, subtotal: try map.optional("subtotal").map(money),
                                  tax: try map.optional("tax").map(money), total: try map.optional("total").map(money))
        case .invoiceLine:
            let map = try statingMapping(body, kind, required: ["tenant", "period", "line"])
            return .invoiceLine(tenant: try nonEmptyString(map.required("tenant")), period: try billingPeriod(map.required("period")),
                                line: try integer(map.required("line"), atLeast: 1), amount: try map.optional("amount").map(money),
                                quantity: try map.optional("quantity").map(decimal))
        case .usage:
            let map = try mapping(body, allowed: ["deployment", "period", "billing_kind", "quantity"])
            return .usage(deployment: try nonEmptyString(map.required("deployment")), period: try billingPeriod(map.required("period")),
                          billingKind: try oneOf(map.required("billing_kind"), MeteredKinds.billingKinds.map { ($0.rawValue, $0) }),
                          quantity: try decimal(map.required("quantity")))
        case .resource:
            let map = try statingMapping(body, kind, required: ["kind", "name"])
            return .resource(kind: ResourceKind(rawValue: try nonEmptyString(map.required("kind"))), name: try nonEmptyString(map.required("name")),
                             status: try map.optional("status").map(nonEmptyString), staleAt: try map.optional("stale_at").map(time))
        case .openDrifts:
            let map = try mapping(body, allowed: ["count"])
            return .openDrifts(count: try integer(map.required("count"), atLeast: 0))
        case .doInvoice:
            let map = try statingMapping(body, kind, required: ["period"])
            return .doInvoice(period: try billingPeriod(map.required("period")), total: try map.optional("total").map(money),
                              matchRate: try map.optional("match_rate").map(matchRate))
        }
    }

    /// The mapping of a kind whose figures are each optional: it must state at least one.
    private func statingMapping(_ body: YAMLField, _ kind: ExpectationKind, required: [String]) throws(ScenarioError) -> YAMLMapping {
        let stated = ExpectationKind.statedKeys[kind] ?? []
        let map = try mapping(body, allowed: required + stated)
        guard map.entries.contains(where: { stated.contains($0.key) }) else {
            throw ScenarioError(location: map.location, field: body.path,
                                message: "states nothing to check; add at least one of \(stated.joined(separator: ", "))")
        }
        return map
    }

    /// `100.0%`, the one-decimal form reports print (`MatchRate.percentText`).
    private func matchRate(_ field: YAMLField) throws(ScenarioError) -> String {
        let text = try nonEmptyString(field)
        let number = text.dropLast()
        guard text.hasSuffix("%"), let dot = number.firstIndex(of: "."), number[number.index(after: dot)...].count == 1,
              let percent = DecimalText.parse(number), percent <= 100 else {
            throw error(field, "'\(text)' is not a match rate with one decimal, e.g. 100.0% or 83.3%")
        }
        return text
    }
}

/// The validator's checks of `expect:`: names resolve to declared tenants and deployments, and the
/// month is one the clock reaches (ended, for invoices, so that a rollup can have run).
extension ScenarioDryRun {
    func checkExpectations() throws(ScenarioError) {
        let tenants = scenario.tenancy.tenants.map(\.code)
        let deployments = scenario.tenancy.deployments.map(\.code)
        for (index, item) in scenario.expectations.enumerated() {
            let field = "expect[\(index)].\(item.kind.rawValue)"
            let near = item.location
            switch item.check {
            case .tenantInvoice(let tenant, let period, _, _, _, _), .invoiceLine(let tenant, let period, _, _, _):
                guard tenants.contains(tenant) else {
                    throw error("\(field).tenant", near: near, "no tenant has code '\(tenant)'; tenants: \(Self.listed(tenants))")
                }
                try checkEnded(period, field: "\(field).period", near: near, what: "its invoices are rolled up")
                try checkRolledUp(period, field: "\(field).period", near: near)
            case .usage(let deployment, let period, _, _):
                guard deployments.contains(deployment) else {
                    throw error("\(field).deployment", near: near,
                                "no deployment has code '\(deployment)'; deployments: \(Self.listed(deployments))")
                }
                guard period.start < scenario.clock.end, period.end > scenario.clock.start else {
                    throw error("\(field).period", near: near,
                                "the clock (\(scenario.clock.start) ..< \(scenario.clock.end)) never reaches \(period)")
                }
            case .doInvoice(let period, _, _):
                try checkEnded(period, field: "\(field).period", near: near, what: "DigitalOcean issues its invoice")
            case .resource, .openDrifts:
                break
            }
        }
    }

    private func checkEnded(_ period: BillingPeriod, field: String, near: ScenarioLocation?, what: String) throws(ScenarioError) {
        guard period.end < scenario.clock.end, period.end > scenario.clock.start else {
            throw error(field, near: near, "the clock (\(scenario.clock.start) ..< \(scenario.clock.end)) never reaches the end of \(period), "
                            + "after which \(what)")
        }
    }

    /// A tenant invoice exists once a rollup of its month has run before the clock ends: the
    /// revenue.rollup job's first firing after the month, or the timeline's own rollup_invoices.
    /// Without this the scenario played to the end and then failed for want of an invoice.
    private func checkRolledUp(_ period: BillingPeriod, field: String, near: ScenarioLocation?) throws(ScenarioError) {
        let job = JobTable.production.first { $0.job == .revenueRollup }.map { $0.schedule.firstFiring(atOrAfter: period.end) }
        if let job, job < scenario.clock.end { return }
        let asked = scenario.timeline.contains { event in
            guard case .rollupInvoices(let rolled, _) = event.action else { return false }
            return rolled == period && event.at < scenario.clock.end
        }
        guard !asked else { return }
        throw error(field, near: near, "no rollup of \(period) runs before the clock ends at \(scenario.clock.end): the revenue.rollup job "
                        + "runs at \(job.map(\.description) ?? "no time"); end the clock after it, or add a rollup_invoices action")
    }

    private static func listed(_ codes: [String]) -> String {
        codes.isEmpty ? "none declared" : codes.sorted().joined(separator: ", ")
    }
}
