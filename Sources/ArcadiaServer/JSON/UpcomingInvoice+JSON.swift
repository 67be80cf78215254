import ArcadiaCore

extension UpcomingInvoices.Preview {
    var json: JSONValue {
        .object([
            "tenant": .string(tenant),
            "period": .string(period.description),
            "as_of": .string(asOf.iso8601),
            "metered_through": .string(meteredThrough.iso8601),
            "to_date": Self.priced(toDate, basis: "usage metered so far: the days before metered_through, plan and addons prorated to them"),
            "projection": Self.priced(projection, basis: "projection to the end of the period, assuming every resource stays as last observed",
                                      isProjection: true),
            "notes": .array(notes.map(JSONValue.string)),
        ])
    }

    /// The priced part of a preview: totals and lines as an invoice has them, without an invoice's
    /// id or status (nothing is stored); `null` totals when nothing is billed.
    static func priced(_ invoice: TenantInvoice?, basis: String, isProjection: Bool = false) -> JSONValue {
        .object([
            "is_projection": .bool(isProjection),
            "basis": .string(basis),
            "currency": .string(invoice?.currency ?? "USD"),
            "subtotal_cents": .int(invoice.map { Int64($0.subtotal.cents) } ?? 0),
            "tax_cents": .int(invoice.map { Int64($0.tax.cents) } ?? 0),
            "total_cents": .int(invoice.map { Int64($0.total.cents) } ?? 0),
            "lines": .array((invoice?.lines ?? []).map(\.json)),
        ])
    }
}
