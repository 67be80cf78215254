import ArcadiaCore
import Foundation
import MoneyAndTime

/// `arcadia reprice`'s report as text for people (aligned table, findings, summary), CSV for a
/// spreadsheet and JSON for tools: the same figures in each. Deterministic: rows in the report's
/// order (period, then tenant), keys sorted.
public enum RepriceRendering {
    public static func table(_ report: RepriceReport, books: [PriceBook]) throws -> String {
        var out = "Reprice: \(report.rows.count) tenant-month\(report.rows.count == 1 ? "" : "s")"
        if let first = report.rows.first?.period, let last = report.rows.last?.period { out += ", \(first) to \(last)" }
        out += "\nCandidates: " + books.map { "\($0.name) (effective \($0.effectiveFrom.isoDate))" }.joined(separator: ", ") + "\n\n"
        var header = ["tenant", "period", "invoiced", "DO cost"]
        for book in report.candidates { header += ["\(book) subtotal", "tax", "total", "delta", "change"] }
        var rows = [header]
        for row in report.rows {
            // A month never invoiced is measured from its re-quote, marked so it is not read as an invoice.
            let baseline = row.invoiced.map { $0.total.decimalString } ?? row.requoted.map { "\($0.total.decimalString)*" } ?? "-"
            var cells = [row.tenant, row.period.description, baseline, row.cost.decimalString]
            for index in report.candidates.indices {
                switch row.candidates[index] {
                case .priced(let figures):
                    let delta = row.delta(index)
                    cells += [figures.subtotal.decimalString, figures.tax.decimalString, figures.total.decimalString,
                              delta.map(signed) ?? "-", delta.flatMap { change in row.baseline.flatMap { RepriceReport.percentage(change, of: $0) } } ?? "n/a"]
                case .failed:
                    cells += ["-", "-", "-", "-", "unpriced"]
                }
            }
            rows.append(cells)
        }
        out += ReportTable.aligned(rows)
        if report.rows.contains(where: { $0.invoiced == nil && $0.requoted != nil }) {
            out += "* never invoiced: the month as the book in effect then prices it, which the deltas are measured from\n"
        }
        let findings = report.rows.compactMap { row in row.finding.map { "  \(row.tenant) \(row.period): \($0)" } }
            + report.rows.flatMap { row in
                zip(report.candidates, row.candidates).compactMap { book, outcome -> String? in
                    guard case .failed(let message) = outcome else { return nil }
                    return "  \(row.tenant) \(row.period): '\(book)' cannot price it: \(message)"
                }
            }
        if !findings.isEmpty { out += "\nFindings:\n" + findings.joined(separator: "\n") + "\n" }
        let notes = report.rows.flatMap { row in row.notes.map { "  \(row.tenant) \(row.period): \($0)" } }
        if !notes.isEmpty { out += "\nNotes (left out of the figures, as a rollup would say):\n" + notes.joined(separator: "\n") + "\n" }
        if !report.notRepriced.isEmpty { out += "\nNot repriced:\n" + report.notRepriced.map { "  \($0): \(Self.notRepricedReason)" }.joined(separator: "\n") + "\n" }
        out += "\nSummary:\n"
        for summary in try report.summaries() {
            let percent = RepriceReport.percentage(summary.change, of: summary.baseline).map { ", \($0)" } ?? ""
            out += "  \(summary.book): revenue \(summary.baseline.decimalString) -> \(summary.candidate.decimalString) "
                + "(\(signed(summary.change))\(percent)); tenants up \(summary.tenantsUp), down \(summary.tenantsDown), "
                + "unchanged \(summary.tenantsSame)"
            if summary.unpriced > 0 { out += "; \(summary.unpriced) month(s) unpriced" }
            out += "\n    margin over DO's cost (\(summary.cost.decimalString), subtotals less cost): \(summary.baselineMargin.decimalString) -> "
                + "\(summary.candidateMargin.decimalString) (\(signed(try summary.candidateMargin.adding(-summary.baselineMargin))))\n"
            if !summary.movers.isEmpty {
                out += "    biggest movers: " + summary.movers.map { "\($0.tenant) \(signed($0.change))" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    /// Why a month DO billed has no row.
    static let notRepricedReason = "DigitalOcean billed it and a tenant held a subscription, but the ledger has no usage covering it "
        + "and no tenant invoice (imported without --derive-usage?)"

    public static func csv(_ report: RepriceReport) throws -> String {
        var header = ["tenant", "period", "invoiced_subtotal", "invoiced_tax", "invoiced_total", "in_effect_book", "requoted_total", "finding", "do_cost"]
        for book in report.candidates { header += ["subtotal", "tax", "total", "delta", "change"].map { "\(book)_\($0)" } }
        header.append("notes")
        return try ReportTable.csv([header] + report.rows.map { row in
            var cells = [row.tenant, row.period.description, row.invoiced?.subtotal.decimalString ?? "", row.invoiced?.tax.decimalString ?? "",
                         row.invoiced?.total.decimalString ?? "", row.inEffectBook ?? "", row.requoted?.total.decimalString ?? "", row.finding ?? "",
                         row.cost.decimalString]
            for index in report.candidates.indices {
                let figures = row.candidates[index].figures
                let delta = row.delta(index)
                cells += [figures?.subtotal.decimalString ?? "", figures?.tax.decimalString ?? "", figures?.total.decimalString ?? "",
                          delta?.decimalString ?? "", delta.flatMap { change in row.baseline.flatMap { RepriceReport.percentage(change, of: $0) } } ?? ""]
            }
            return cells + [row.notes.joined(separator: "; ")]
        } + report.notRepriced.map { period in
            // A month no row reprices is a row too, so a script reading the CSV cannot miss it:
            // no tenant, no figures, and why in the finding.
            ["", period.description, "", "", "", "", "", "not repriced: " + notRepricedReason, ""]
                + Array(repeating: "", count: 5 * report.candidates.count) + [""]
        })
    }

    public static func json(_ report: RepriceReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(try JSONReport(report)), as: UTF8.self) + "\n"
    }

    private struct JSONReport: Encodable {
        struct Figures: Encodable {
            var subtotal: String
            var tax: String
            var total: String
            init(_ figures: RepriceReport.Figures) {
                (subtotal, tax, total) = (figures.subtotal.decimalString, figures.tax.decimalString, figures.total.decimalString)
            }
        }
        struct Candidate: Encodable {
            var book: String
            var figures: Figures?
            var delta: String?
            var change: String?
            var error: String?
        }
        struct Row: Encodable {
            var tenant: String
            var period: String
            var invoiced: Figures?
            var in_effect_book: String?
            var requoted: Figures?
            var finding: String?
            var notes: [String]
            var candidates: [Candidate]
            var do_cost: String
        }
        struct Summary: Encodable {
            var book: String
            var baseline: String
            var candidate: String
            var change: String
            var change_percent: String?
            var tenants_up: Int
            var tenants_down: Int
            var tenants_unchanged: Int
            var unpriced_months: Int
            var biggest_movers: [[String]]
            var do_cost: String
            var margin_before: String
            var margin_after: String
        }
        struct Gap: Encodable {
            var period: String
            var reason: String
        }
        var rows: [Row]
        var summary: [Summary]
        var not_repriced: [Gap]

        init(_ report: RepriceReport) throws {
            rows = report.rows.map { row in
                Row(tenant: row.tenant, period: row.period.description, invoiced: row.invoiced.map(Figures.init), in_effect_book: row.inEffectBook,
                    requoted: row.requoted.map(Figures.init), finding: row.finding, notes: row.notes,
                    candidates: report.candidates.indices.map { index in
                        let delta = row.delta(index)
                        var error: String?
                        if case .failed(let message) = row.candidates[index] { error = message }
                        return Candidate(book: report.candidates[index], figures: row.candidates[index].figures.map(Figures.init),
                                         delta: delta?.decimalString,
                                         change: delta.flatMap { change in row.baseline.flatMap { RepriceReport.percentage(change, of: $0) } },
                                         error: error)
                    }, do_cost: row.cost.decimalString)
            }
            not_repriced = report.notRepriced.map { Gap(period: $0.description, reason: RepriceRendering.notRepricedReason) }
            summary = try report.summaries().map { summary in
                Summary(book: summary.book, baseline: summary.baseline.decimalString, candidate: summary.candidate.decimalString,
                        change: summary.change.decimalString, change_percent: RepriceReport.percentage(summary.change, of: summary.baseline),
                        tenants_up: summary.tenantsUp, tenants_down: summary.tenantsDown, tenants_unchanged: summary.tenantsSame,
                        unpriced_months: summary.unpriced, biggest_movers: summary.movers.map { [$0.tenant, $0.change.decimalString] },
                        do_cost: summary.cost.decimalString, margin_before: summary.baselineMargin.decimalString,
                        margin_after: summary.candidateMargin.decimalString)
            }
        }
    }

    private static func signed(_ money: Money) -> String {
        money > .zero ? "+" + money.decimalString : money.decimalString
    }
}
