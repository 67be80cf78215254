import ArcadiaCore

/// `expect:` items: exactly one kind key, each kind's figures in the format's units.
extension ScenarioSchema {
    static var expectation: SchemaType {
        let keys = ExpectationKind.allCases.map { kind in
            let (body, description) = expectationBody(kind)
            return opt(kind.rawValue, body, description)
        }
        return .object(SchemaObject(description: "A check made once the run is over: exactly one kind key.", keys: keys, minKeys: 1, maxKeys: 1))
    }

    private static let statusChoice = SchemaType.choice(TenantInvoiceStatus.allCases.map(\.rawValue))
    private static let matchRate = SchemaType.text(pattern: "^[0-9]{1,3}\\.[0-9]%$", example: "100.0%")

    /// A kind whose figures are each optional must state at least one (`required` keys plus one).
    private static func stating(_ description: String, required: [SchemaKey], stated: [SchemaKey]) -> SchemaType {
        .object(SchemaObject(description: description, keys: required + stated, minKeys: required.count + 1))
    }

    private static func expectationBody(_ kind: ExpectationKind) -> (SchemaType, String) {
        let tenant = req("tenant", .name, "A declared tenant's code.")
        let month = req("period", period, "The billing month, YYYY-MM; it ends before clock.end.")
        switch kind {
        case .tenantInvoice:
            return (stating("The tenant-month's invoice (the latest not void); at least one figure.", required: [tenant, month], stated: [
                opt("status", statusChoice, "draft, issued, paid or void."),
                opt("subtotal", money, "Dollars, two decimals."),
                opt("tax", money, "Dollars, two decimals."),
                opt("total", money, "Dollars, two decimals."),
            ]), "A tenant invoice's status, subtotal, tax and total.")
        case .invoiceLine:
            return (stating("One line of the tenant-month's invoice; at least one figure.", required: [
                tenant, month, req("line", .integer(min: 1, max: nil), "The line number, from 1."),
            ], stated: [
                opt("amount", money, "Dollars, two decimals."),
                opt("quantity", quantity, "The line's quantity as written on it."),
            ]), "One invoice line's amount and quantity.")
        case .usage:
            return (object("A deployment's metered usage of a billing kind in a month.", [
                req("deployment", .name, "A declared deployment's code."),
                req("period", period, "The month, YYYY-MM; the clock reaches it."),
                req("billing_kind", .choice(MeteredKinds.billingKinds.map(\.rawValue)), "The billing kind."),
                req("quantity", quantity, "The month's total."),
            ]), "A deployment's usage of a billing kind in a month.")
        case .resource:
            return (stating("A resource's inventory row at the end of the run; at least one figure.", required: [
                req("kind", .name, "The inventory kind, e.g. droplet or dns_zone."),
                req("name", .name, "Its name (the last seen under that name)."),
            ], stated: [
                opt("status", .name, "The status the inventory holds, e.g. active or off."),
                opt("stale_at", .time, "When it went stale."),
            ]), "A resource's status or stale time.")
        case .openDrifts:
            return (object("Drift findings still open at the end.", [req("count", .integer(min: 0, max: nil), "How many.")]),
                    "The count of open drifts.")
        case .doInvoice:
            return (stating("The DigitalOcean invoice of a month; at least one figure.", required: [
                req("period", period, "The month, YYYY-MM; it ends before clock.end."),
            ], stated: [
                opt("total", money, "Dollars, two decimals."),
                opt("match_rate", matchRate, "The share of lines matched, one decimal, e.g. 100.0%."),
            ]), "A DO invoice's total and match rate.")
        }
    }
}
