import ArcadiaCore
import DigitalOcean

/// The platform's side: `tenants:`, `deployments:`, `metering:`, `pricebooks:` and the
/// subscription, metering and invoice actions.
extension ScenarioWriter {
    static func tenant(_ tenant: TenantSpec) -> YAMLTree {
        .mapping(.entry("code", .text(tenant.code)), .entry("name", .text(tenant.name)), .entry("country", .text(tenant.country)))
    }

    static func deployment(_ deployment: DeploymentSpec) -> YAMLTree {
        .mapping(
            .entry("code", .text(deployment.code)),
            .entry("tenant", .text(deployment.tenant)),
            .entry("name", .text(deployment.name)),
            .entry("project", .text(deployment.project)))
    }

    /// Billing kinds in name order; a kind listed with the standard policy is written `{}`, since
    /// listing it is what the value records.
    static func metering(_ metering: MeteringSpec) -> YAMLTree {
        .blockMap(metering.policies.sorted { $0.key < $1.key }.map { kind, policy in
            YAMLTree.Entry(kind.rawValue, .mapping(
                .entry("granularity", policy.granularity == .daily ? nil : .text(policy.granularity.rawValue)),
                .entry("retention_days", policy.retentionDays.map(YAMLTree.int))))
        })
    }

    /// A book read from a file is written as that path, as the scenario gave it (relative to the
    /// scenario file); an inline book (source `inline`, as the parser records it) in full.
    static func priceBook(_ spec: PriceBookSpec) -> YAMLTree {
        guard spec.source == "inline" else { return .text(spec.source) }
        let book = spec.book
        let entries: [YAMLTree.Entry?] = [
            .entry("name", .text(book.name)),
            .entry("effective_from", .token(book.effectiveFrom.isoDate)),
            .entry("prorate", book.prorate ? nil : .bool(false)),
            .entry("prorate_allowances", book.prorateAllowances ? nil : .bool(false)),
            .entry("tax_rates", book.taxRates.isEmpty ? nil : .list(book.taxRates.map(taxRate))),
            .entry("plans", .list(book.plans.map(plan))),
            .entry("addons", book.addons.isEmpty ? nil : .list(book.addons.map(addon))),
        ]
        return .blockMap(entries.compactMap { $0 })
    }

    private static func taxRate(_ rate: TaxRate) -> YAMLTree {
        .mapping(
            .entry("country", .text(rate.country)),
            .entry("label", .text(rate.label)),
            .entry("rate", .token(DecimalText.format(rate.rate * 100) + "%")))
    }

    private static func plan(_ plan: Plan) -> YAMLTree {
        .mapping(
            .entry("code", .text(plan.code)),
            .entry("name", .text(plan.name)),
            .entry("base_price", .token(plan.basePrice.decimalString)),
            .entry("items", plan.items.isEmpty ? nil : .list(plan.items.map { item in
                .mapping(
                    .entry("billing_kind", .text(item.billingKind.rawValue)),
                    .entry("included", .token(DecimalText.format(item.includedQuantity))),
                    .entry("overage", overage(item.overage)))
            })))
    }

    private static func overage(_ price: OveragePrice) -> YAMLTree {
        if case .flat(let unitPrice) = price { return .token(DecimalText.format(unitPrice)) }
        return .mapping(
            .entry("mode", .token(price.mode)),
            .entry("tiers", .list(price.tiers.map { tier in
                .mapping(.entry("up_to", tier.upTo.map { .token(DecimalText.format($0)) }),
                         .entry("unit_price", .token(DecimalText.format(tier.unitPrice))))
            })))
    }

    private static func addon(_ addon: Addon) -> YAMLTree {
        .mapping(
            .entry("code", .text(addon.code)),
            .entry("name", .text(addon.name)),
            .entry("monthly_price", .token(addon.monthlyPrice.decimalString)),
            .entry("billing_kind", addon.allowance.map { .text($0.billingKind.rawValue) }),
            .entry("included", addon.allowance.map { .token(DecimalText.format($0.quantity)) }))
    }

    static func subscribe(_ spec: SubscriptionSpec) -> YAMLTree {
        .mapping(.entry("deployment", .text(spec.deployment)), .entry("plan", .text(spec.plan)), .entry("addons", optionalTexts(spec.addons)))
    }

    /// `addons: []` drops every addon, so an empty list is written, unlike in `subscribe`.
    static func changeSubscription(_ spec: SubscriptionChangeSpec) -> YAMLTree {
        .mapping(.entry("deployment", .text(spec.deployment)), .entry("plan", spec.plan.map(YAMLTree.text)),
                 .entry("addons", spec.addons.map(YAMLTree.texts)))
    }

    static func rollupInvoices(period: BillingPeriod, force: Bool) -> YAMLTree {
        .mapping(.entry("period", .token(period.description)), .entry("force", force ? .bool(true) : nil))
    }

    /// `invoice_paid` and `invoice_void`.
    static func tenantInvoice(tenant: String, period: BillingPeriod) -> YAMLTree {
        .mapping(.entry("tenant", .text(tenant)), .entry("period", .token(period.description)))
    }
}
