import ArcadiaCore

extension BalanceSnapshot {
    var json: JSONValue {
        .object([
            "currency": "USD",
            "taken_at": .string(takenAt.iso8601),
            "generated_at": .string(figures.generatedAt.iso8601),
            "month_to_date_balance_cents": .int(figures.monthToDateBalanceCents),
            "account_balance_cents": .int(figures.accountBalanceCents),
            "month_to_date_usage_cents": .int(figures.monthToDateUsageCents),
        ])
    }
}

extension CostLineQuery.Line {
    var json: JSONValue {
        .object([
            "invoice_uuid": .string(invoiceUUID),
            "period": .string(period.description),
            "line_no": .integer(line.lineNo),
            "product": .string(line.product),
            "group_description": .text(line.groupDescription),
            "description": .string(line.description),
            "hours": .integer(line.hours),
            "start_at": .string(line.startAt.iso8601),
            "end_at": .string(line.endAt.iso8601),
            "amount_cents": .int(line.amountCents),
            "project_name": .text(line.projectName),
            "category": .text(line.category),
            "kind": .string(line.kind.rawValue),
            "match_status": .string(line.matchStatus.rawValue),
            "matched_resource": matchedResource?.json ?? .null,
            "unmatched_reason": .text(line.unmatchedReason),
        ])
    }
}
