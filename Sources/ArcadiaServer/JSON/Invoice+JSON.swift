import ArcadiaCore
import Foundation

extension TenantInvoice {
    var json: JSONValue {
        .object([
            "id": .int(id),
            "tenant": .string(tenant),
            "tenant_name": .string(tenantName),
            "period": .string(period.description),
            "currency": .string(currency),
            "subtotal_cents": .int(Int64(subtotal.cents)),
            "tax_cents": .int(Int64(tax.cents)),
            "total_cents": .int(Int64(total.cents)),
            "status": .string(status.rawValue),
            "created_at": .string(createdAt.iso8601),
            "issued_at": .text(issuedAt?.iso8601),
            "paid_at": .text(paidAt?.iso8601),
            "voided_at": .text(voidedAt?.iso8601),
            "line_count": .integer(lines.count),
        ])
    }

    /// The header with its lines: the detail endpoint's shape.
    var detailJSON: JSONValue {
        guard case .object(var fields) = json else { return json }
        fields["lines"] = .array(lines.map(\.json))
        return .object(fields)
    }
}

extension TenantInvoiceLine {
    var json: JSONValue {
        .object([
            "line_no": .integer(lineNo),
            "line_type": .string(kind.rawValue),
            "deployment": .text(deploymentCode),
            "subscription_id": .integer(subscriptionID),
            "billing_kind": .text(resourceKind?.rawValue),
            "description": .string(description),
            "quantity": .string(DecimalText.format(quantity)),
            "unit_price": .string(DecimalText.format(unitPrice)),
            "amount_cents": .int(Int64(amount.cents)),
        ])
    }
}
