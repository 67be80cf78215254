import ArgumentParser
import ArcadiaCore
import Foundation

/// `arcadia explain`: where each figure of a tenant invoice came from, down to the syncs that
/// observed the resources behind it (`InvoiceExplainer`). Read-only.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a tenant invoice: each line's price book, plan item or addon, allowance, usage records, resources and their sync events.",
        discussion: """
            --invoice TENANT/YYYY-MM explains the month's invoice that is not void (the latest); --invoice-id N any invoice, \
            void ones too. --line N keeps one line. Text for people, --format json for tools: the same content, the JSON \
            listing every usage record that the text folds into runs (30 x 24). The ledger file is read, never written.
            """
    )

    @Option(help: "The ledger file (read, never written).")
    var db: String

    @Option(help: "TENANT/YYYY-MM: the tenant's invoice for that month that is not void.")
    var invoice: String?

    @Option(name: .customLong("invoice-id"), help: "An invoice by its id (any status).")
    var invoiceID: Int64?

    @Option(help: "Only this line (its line number, from 1).")
    var line: Int?

    @Option(help: "text or json.")
    var format: ExplainFormat = .text

    func run() async throws {
        print(try await Self.explain(db: db, invoice: invoice, invoiceID: invoiceID, line: line, format: format), terminator: "")
    }

    static func explain(db: String, invoice: String?, invoiceID: Int64?, line: Int?, format: ExplainFormat) async throws -> String {
        guard (invoice == nil) != (invoiceID == nil) else { throw ValidationError("give exactly one of --invoice TENANT/YYYY-MM and --invoice-id N") }
        let ledger = try await RepriceCommand.ledger(db: db, scenario: nil)
        let explanation = try await ledger.read { db throws -> InvoiceExplanation? in
            let id: Int64
            if let invoiceID {
                id = invoiceID
            } else {
                let (tenant, period) = try tenantMonth(invoice ?? "")
                guard let found = try InvoiceExplainer.invoiceID(tenant: tenant, period: period, db) else {
                    guard try InvoiceExplainer.tenantExists(code: tenant, db) else {
                        throw InputError("--invoice \(invoice ?? ""): no tenant has code '\(tenant)'")
                    }
                    throw InputError("--invoice \(invoice ?? ""): \(tenant) has no invoice for \(period) that is not void")
                }
                id = found
            }
            return try InvoiceExplainer.explain(invoiceID: id, scope: .platform, db)
        }
        guard var found = explanation else { throw InputError("--invoice-id \(invoiceID ?? 0): no such invoice") }
        if let line {
            guard let one = found.only(line: line) else {
                throw InputError("--line \(line): invoice #\(found.invoice.id) has lines 1 to \(found.lines.count)")
            }
            found = one
        }
        switch format {
        case .text: return found.text
        case .json: return found.json.canonical + "\n"
        }
    }

    /// `acme/2026-04`.
    static func tenantMonth(_ text: String) throws -> (tenant: String, period: BillingPeriod) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let period = BillingPeriod(parts[1]) else {
            throw ValidationError("--invoice '\(text)' is not TENANT/YYYY-MM, e.g. acme/2026-04")
        }
        return (String(parts[0]), period)
    }
}

enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
