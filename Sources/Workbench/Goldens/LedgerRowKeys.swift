import Foundation

/// The columns that name a row of each ledger file, so a changed row is reported as the same row
/// with different cells (`CellDiff`) rather than as one row removed and another added.
enum LedgerRowKeys {
    static let byFile: [String: [String]] = [
        "inventory.tsv": ["kind", "name", "provider_id"],
        "events.tsv": ["at", "kind", "name", "event", "field"],
        "projects.tsv": ["name"],
        "balance.tsv": ["taken_at"],
        "invoices.tsv": ["period", "invoice_uuid"],
        "cost_lines.tsv": ["period", "description"],
        "match_report.tsv": ["period", "invoice_uuid"],
        "sync_failures.tsv": ["at", "worker", "page"],
        "provisioned.tsv": ["kind", "name", "provider_id"],
        "drift.tsv": ["opened_at", "kind", "name", "field"],
        "tenants.tsv": ["code"],
        "deployments.tsv": ["code"],
        "subscriptions.tsv": ["deployment", "started_at"],
        "usage.tsv": ["deployment", "billing_kind", "resource", "granularity", "period_start"],
        "usage_by_month.tsv": ["deployment", "month", "billing_kind"],
        "tenant_invoices.tsv": ["period", "tenant", "created_at"],
        "tenant_invoice_lines.tsv": ["period", "tenant", "invoice_created_at", "line_no"],
    ]

    /// Indices of `file`'s key columns in `header`; the first column for a file not listed (or
    /// whose header lacks a listed column).
    static func columns(for file: String, header: [String]) -> [Int] {
        let named = (byFile[(file as NSString).lastPathComponent] ?? []).compactMap { header.firstIndex(of: $0) }
        return named.isEmpty ? [0] : named
    }
}
