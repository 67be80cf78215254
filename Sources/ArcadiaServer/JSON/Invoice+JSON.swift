import ArcadiaCore

extension TenantInvoiceQuery.Invoice {
    var json: JSONValue {
        .object([
            "id": .int(id),
            "tenant": .string(tenant),
            "tenant_name": .string(tenantName),
            "period": .string(period),
            "currency": .string(currency),
            "subtotal_cents": .int(subtotalCents),
            "tax_cents": .int(taxCents),
            "total_cents": .int(totalCents),
            "status": .string(status),
            "created_at": .string(createdAt),
            "issued_at": .text(issuedAt),
            "paid_at": .text(paidAt),
            "voided_at": .text(voidedAt),
            "line_count": .integer(lineCount),
        ])
    }

    /// The header with its lines: the detail endpoint's shape.
    func json(lines: [TenantInvoiceQuery.Line]) -> JSONValue {
        guard case .object(var fields) = json else { return json }
        fields["lines"] = .array(lines.map(\.json))
        return .object(fields)
    }
}

extension TenantInvoiceQuery.Line {
    var json: JSONValue {
        .object([
            "line_no": .integer(lineNo),
            "line_type": .string(lineType),
            "deployment": .text(deployment),
            "subscription_id": .integer(subscriptionID),
            "billing_kind": .text(billingKind),
            "description": .string(description),
            "quantity": .string(quantity),
            "unit_price": .string(unitPrice),
            "amount_cents": .int(amountCents),
        ])
    }
}
