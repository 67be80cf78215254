import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// Imports DigitalOcean invoice exports (`arcadia import do-invoice`) into the ledger through the
/// invoices job's own line-set writing, kind derivation and matching (`InvoiceLineSet`), one month
/// per file, keyed by billing period (`KeyedExport`). `docs/cost-ingestion.md` describes the rules.
///
/// Every file is parsed before anything is written, and all of them are written in one
/// transaction: a bad row in the third file leaves nothing of the first two. Importing the same
/// file again writes nothing (the transaction rolls back: same rows, same ids, same bytes); a changed file replaces the
/// month's lines; a month ingested from DO's API is refused unless `replace` is set.
public struct InvoiceImport: Sendable {
    public var ledger: Ledger
    public var clock: EngineClock
    public var policy: MatchPolicy

    public struct Options: Sendable, Equatable {
        /// Replace the lines of a month the invoices job ingested from the API.
        public var replace: Bool
        /// Derive usage records from the lines; nil derives none.
        public var deriveUsage: UsageDerivation?
        /// Derive a month whose lines are unchanged again, replacing what an earlier import with
        /// other options (another project map or deployment) derived.
        public var rederive: Bool

        public init(replace: Bool = false, deriveUsage: UsageDerivation? = nil, rederive: Bool = false) {
            self.replace = replace
            self.deriveUsage = deriveUsage
            self.rederive = rederive
        }
    }

    public init(ledger: Ledger, clock: EngineClock, policy: MatchPolicy = .production) {
        self.ledger = ledger
        self.clock = clock
        self.policy = policy
    }

    /// The `invoice_uuid` of a month an import created: the month is the key, the export has no id.
    public static func invoiceUUID(for period: BillingPeriod) -> String { "csv-\(period)" }

    public func run(_ exports: [InvoiceExport], options: Options = Options()) throws(InvoiceImportError) -> InvoiceImportReport {
        let now = clock.now()
        var keyed: [KeyedExport] = []
        for export in exports {
            let month = try KeyedExport(export)
            if let other = keyed.first(where: { $0.period == month.period }) {
                throw .sameMonthTwice(file: month.file, period: month.period, otherFile: other.file)
            }
            guard month.period.end <= now else { throw .monthNotOver(file: month.file, period: month.period, now: now) }
            keyed.append(month)
        }
        do {
            return try ledger.write(committingOnlyIf: \.changedLedger) { db in
                if let code = options.deriveUsage?.deployment, try Deployment.filter(Deployment.Columns.code == code).fetchOne(db) == nil {
                    throw InvoiceImportError.unknownDeployment(code: code, known: try String.fetchAll(db, Deployment.select(Deployment.Columns.code)
                        .order(Deployment.Columns.code)))
                }
                return InvoiceImportReport(months: try keyed.map { month in try importMonth(db, month, options: options, at: now) })
            }
        } catch let error as InvoiceImportError {
            throw error
        } catch {
            throw .ledger("\(error)")
        }
    }

    private func importMonth(_ db: Database, _ month: KeyedExport, options: Options, at now: Timestamp) throws -> InvoiceImportReport.Month {
        let existing = try CloudInvoice.filter(CloudInvoice.Columns.period == month.period).order(CloudInvoice.Columns.invoiceUUID).fetchAll(db)
        if let api = existing.first(where: { $0.origin == .api }), !options.replace {
            throw InvoiceImportError.apiMonth(file: month.file, period: month.period, invoiceUUID: api.invoiceUUID)
        }
        guard existing.count <= 1 else {
            throw InvoiceImportError.ambiguousMonth(file: month.file, period: month.period, invoiceUUIDs: existing.map(\.invoiceUUID))
        }
        let stored = try existing.first ?? createInvoice(db, month, at: now)
        // The header as the import leaves it, before the lines are written, so the match report
        // reconciles against it. A month the import created is worth the sum of its lines; a DO
        // invoice whose lines a file replaced keeps the total DO listed, so a file that does not
        // add up to it is reported.
        var invoice = stored
        invoice.origin = .csv
        if stored.invoiceUUID == Self.invoiceUUID(for: month.period) { invoice.amountCents = month.amountCents }
        invoice.lineCount = month.lines.count
        invoice.ingestError = nil
        let written = try InvoiceLineSet.write(db, invoice: invoice, lines: month.lines, policy: policy)
        if invoice != stored || written.report.linesRewritten {
            invoice.ingestedAt = now
            try invoice.update(db)
        }
        let action: InvoiceImportReport.Month.Action = existing.isEmpty ? .added
            : stored.origin == .api ? .replacedAPIInvoice(uuid: stored.invoiceUUID)
            : written.report.linesRewritten || invoice != stored ? .replaced : .unchanged
        var report = InvoiceImportReport.Month(file: month.file, period: month.period, action: action, match: written.report,
                                               kinds: Self.kinds(written.lines), derivedUsage: nil,
                                               derivedRecordsRemoved: options.deriveUsage == nil ? written.derivedRecordsRemoved : 0)
        let previous = try DerivedUsageRecord.all(db, invoiceRowID: invoice.id)
        if let derivation = options.deriveUsage {
            let derived = try derivation.derive(db, lines: written.lines, invoiceRowID: invoice.id, period: month.period, at: now)
            let sameRecords = previous.count == derived.records.count && zip(previous, derived.records).allSatisfy { $0.sameUsage(as: $1) }
            // Importing the same file again changes nothing: usage derived before with another
            // project map (or none) is not quietly taken from its deployments.
            let placed = try CostLinePlacement.all(db, invoiceRowID: invoice.id)
            let placementsChanged = placed != derived.placements
            if action == .unchanged, !options.rederive, !previous.isEmpty || !placed.isEmpty, !sameRecords || placementsChanged {
                throw InvoiceImportError.derivationWouldChange(file: month.file, period: month.period, records: previous.count,
                                                               wouldBe: derived.records.count)
            }
            if !sameRecords { try replaceDerived(db, invoiceRowID: invoice.id, with: derived.records) }
            if placementsChanged { try CostLinePlacement.replace(db, invoiceRowID: invoice.id, with: derived.placements) }
            let unchanged = sameRecords && !placementsChanged
            let codes = try Dictionary(uniqueKeysWithValues: Deployment.fetchAll(db).map { ($0.id, $0.code) })
            report.derivedUsage = .init(records: (sameRecords ? previous : derived.records).map { (deployment: codes[$0.deploymentID] ?? "?", record: $0) },
                                        notUsage: derived.notUsage, unassigned: derived.unassigned, rewritten: !unchanged)
        }
        return report
    }

    private func createInvoice(_ db: Database, _ month: KeyedExport, at now: Timestamp) throws -> CloudInvoice {
        try db.execute(sql: """
            INSERT INTO cloud_invoices (invoice_uuid, invoice_id, period, amount_cents, ingested_at, line_count, source)
            VALUES (?, '', ?, ?, ?, ?, ?)
            """, arguments: [Self.invoiceUUID(for: month.period), month.period, month.amountCents, now, month.lines.count, CloudInvoice.Origin.csv])
        return CloudInvoice(id: db.lastInsertedRowID, invoiceUUID: Self.invoiceUUID(for: month.period), invoiceID: "", period: month.period,
                            amountCents: month.amountCents, ingestedAt: now, lineCount: month.lines.count, origin: .csv)
    }

    private func replaceDerived(_ db: Database, invoiceRowID: Int64, with records: [DerivedUsageRecord]) throws {
        _ = try DerivedUsageRecord.deleteAll(db, invoiceRowID: invoiceRowID)
        for record in records { try record.insert(db) }
    }

    private static func kinds(_ lines: [CostLine]) -> [(kind: CostKind, lines: Int)] {
        var counts: [CostKind: Int] = [:]
        for line in lines { counts[line.kind, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { (kind: $0.key, lines: $0.value) }
    }
}
