import ArcadiaCore
import DigitalOcean
import MoneyAndTime

/// What `arcadia import` prints: per month, what was added and how it matched (the figures of the
/// golden `match_report.tsv`), derived usage and the lines that gave none; per tenants file, what
/// was added and what was already there.
enum ImportRendering {
    static func invoices(_ report: InvoiceImportReport, db: String) -> String {
        var out = report.changedLedger ? "Imported into \(db):\n" : "Nothing to import into \(db): every month is there as the files have it.\n"
        for month in report.months {
            let match = month.match
            let action = switch month.action {
            case .added: "added"
            case .replaced: "replaced the month's earlier import"
            case .unchanged: "unchanged (imported before, same lines)"
            case .replacedAPIInvoice(let uuid): "replaced the lines of API invoice \(uuid) (--replace)"
            }
            out += "\n\(month.file): \(month.period) \(action)\n"
            out += "  lines: \(match.rate.total), \(Money(cents: Int(match.lineSumCents)).csvString)"
                + (match.linesRewritten ? ", written" : ", none rewritten") + "\n"
            out += "  kinds: " + month.kinds.map { "\($0.kind) \($0.lines)" }.joined(separator: ", ") + "\n"
            out += "  matched: \(match.rate)\n"
            out += "  reconciliation: " + (match.reconciliationFinding.map(\.description) ?? "lines sum to the invoice amount") + "\n"
            if !match.unmatched.isEmpty {
                out += "  unmatched:\n"
                for line in match.unmatched {
                    out += "    line \(line.lineNo)  \(line.kind)  \(line.description)  \(Money(cents: Int(line.amountCents)).csvString): \(line.reason.text)\n"
                }
            }
            if month.derivedRecordsRemoved > 0 {
                out += "  derived usage: removed \(month.derivedRecordsRemoved) records of the replaced lines (pass --derive-usage to derive them again)\n"
            }
            if let derived = month.derivedUsage { out += usage(derived) }
        }
        return out
    }

    private static func usage(_ derived: InvoiceImportReport.DerivedUsage) -> String {
        var out = "  derived usage: \(derived.records.count) record\(derived.records.count == 1 ? "" : "s")"
            + (derived.rewritten ? ", written" : ", unchanged") + "\n"
        for (deployment, record) in derived.records {
            out += "    line \(record.lineNo)  \(deployment)  \(record.billingKind) \(record.quantity)  \(record.periodStart) to \(record.periodEnd)"
                + (record.resourceID == nil ? "  (no inventoried resource)" : "") + "\n"
        }
        if !derived.unassigned.isEmpty {
            out += "  usage with no deployment (not derived; give --project-map or --deployment):\n"
            for line in derived.unassigned { out += "    line \(line.lineNo)  \(line.kind)  \(line.description): \(line.reason)\n" }
        }
        if !derived.notUsage.isEmpty {
            out += "  not derivable:\n"
            for line in derived.notUsage { out += "    line \(line.lineNo)  \(line.kind)  \(line.description): \(line.reason)\n" }
        }
        return out
    }

    static func tenants(_ report: TenancyImportReport, db: String) -> String {
        var out = report.changedLedger ? "Imported into \(db):\n" : "Nothing to import into \(db): the ledger holds everything in the file.\n"
        func section(_ name: String, added: [String], unchanged: [String]) {
            out += "  \(name): " + (added.isEmpty ? "none added" : "added " + added.joined(separator: ", "))
                + (unchanged.isEmpty ? "" : "; already there: " + unchanged.joined(separator: ", ")) + "\n"
        }
        section("price books", added: report.priceBooksAdded, unchanged: report.priceBooksUnchanged)
        section("tenants", added: report.tenantsAdded, unchanged: report.tenantsUnchanged)
        section("deployments", added: report.deploymentsAdded, unchanged: report.deploymentsUnchanged)
        out += "  subscriptions: \(report.subscriptionsAdded.count) added, \(report.subscriptionsEnded.count) ended, "
            + "\(report.subscriptionsUnchanged) already there\n"
        for row in report.subscriptionsEnded { out += "    ended \(row)\n" }
        for row in report.subscriptionsAdded { out += "    added \(row)\n" }
        return out
    }
}
