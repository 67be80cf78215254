import Foundation
import DigitalOcean
import GRDB

/// The cost-ingestion engine: what DigitalOcean bills the platform, read into the ledger and
/// reconciled with inventory. Two jobs drive it (`snapshotBalance` hourly at :07,
/// `ingestNewInvoices` daily at 02:23); `ingest(invoiceUUID:)` is also callable alone to
/// re-ingest one invoice. It returns what it did and never prints.
public struct CostIngestion: Sendable {
    public var ledger: Ledger
    public var clock: EngineClock
    public var source: any InvoiceSource
    public var policy: MatchPolicy

    public init(ledger: Ledger, clock: EngineClock, source: any InvoiceSource, policy: MatchPolicy = .production) {
        self.ledger = ledger
        self.clock = clock
        self.source = source
        self.policy = policy
    }

    /// Reads the balance and stores it as one `cloud_balance_snapshots` row; a failed reading is
    /// logged in `cloud_sync_failures` as `cost.balance`. A second reading at an instant already
    /// read (a re-run) stores nothing: the balance at that instant is on record.
    @discardableResult
    public func snapshotBalance() async throws(CostIngestionError) -> BalanceSnapshot {
        let figures: BalanceFigures
        do {
            figures = try await source.balance()
        } catch {
            throw logged(.sourceFailed(operation: "balance", message: "\(error)"), job: "cost.balance")
        }
        let snapshot = BalanceSnapshot(takenAt: clock.now(), figures: figures)
        try writeOneStatement(snapshot.insertUnlessTaken)
        return snapshot
    }

    /// Lists invoices, upserts their headers, then ingests every invoice never ingested or whose
    /// last ingest failed. One invoice failing does not stop the others. A failed listing and a
    /// header that cannot be stored are logged in `cloud_sync_failures` (as `cost.invoices`), as
    /// failed ingests are, so every failure of the job is in the ledger.
    public func ingestNewInvoices() async -> IngestionReport {
        var report = IngestionReport()
        let headers: [InvoiceHeader]
        do {
            headers = try await source.listInvoices()
        } catch {
            report.listingError = logged(.sourceFailed(operation: "invoice list", message: "\(error)"), job: "cost.invoices")
            return report
        }
        report.listed = headers.count
        let valid = headers.sorted { ($0.period, $0.uuid) < ($1.period, $1.uuid) }.filter { header in
            guard header.hasValidPeriod else {
                report.failures.append(.init(invoiceUUID: header.uuid, error: logged(.badInvoiceHeader(
                    uuid: header.uuid, problem: "period '\(header.period)' is not YYYY-MM"), job: "cost.invoices")))
                return false
            }
            return true
        }
        let pending: [String]
        do {
            pending = try write { db in
                for header in valid { try InvoiceStore.upsert(db, header) }
                return try InvoiceStore.pending(db)
            }
        } catch {
            report.listingError = error
            return report
        }
        for uuid in pending {
            do {
                report.ingested.append(try await ingest(invoiceUUID: uuid))
            } catch {
                report.failures.append(.init(invoiceUUID: uuid, error: error))
            }
        }
        return report
    }

    /// Fetches and parses the invoice's CSV, then in one transaction makes the parsed lines its
    /// line set (kinds derived, lines matched), marks it ingested and clears any earlier error.
    /// Re-ingesting unchanged data leaves the lines exactly as they were.
    ///
    /// On failure (fetch or parse) the error is recorded in `ingest_error`, the previous line set
    /// stays untouched, and the invoice is picked up again by the next `ingestNewInvoices`.
    public func ingest(invoiceUUID uuid: String) async throws(CostIngestionError) -> InvoiceMatchReport {
        guard let stored = try read({ db in try InvoiceStore.fetch(db, uuid: uuid) }) else { throw .unknownInvoice(uuid: uuid) }
        let parsed: [InvoiceCSVLine]
        do {
            parsed = try await fetchAndParse(stored.header)
        } catch {
            let now = clock.now()
            try write { db in try InvoiceStore.recordError(db, uuid: uuid, message: error.description, at: now) }
            throw error
        }
        let now = clock.now()
        return try write { db in
            let written = try InvoiceLineSet.write(db, invoice: stored, lines: parsed, policy: policy)
            try InvoiceStore.markIngested(db, rowID: stored.id, at: now, lineCount: written.lines.count)
            return written.report
        }
    }

    /// `error`, after writing it to `cloud_sync_failures` as a failure of `job` now; if the ledger
    /// refuses the row, that refusal is the error returned, so nothing fails unseen.
    private func logged(_ error: CostIngestionError, job: String) -> CostIngestionError {
        let now = clock.now()
        do {
            try write { db in try SyncFailure(at: now, worker: job, page: nil, error: error.description).insert(db) }
            return error
        } catch {
            return error
        }
    }

    /// The uuid of the month's invoice in the ledger, if the invoices job has listed it.
    public func invoiceUUID(period: String) throws(CostIngestionError) -> String? {
        try read { db in try InvoiceStore.uuid(db, period: period) }
    }

    private func fetchAndParse(_ header: InvoiceHeader) async throws(CostIngestionError) -> [InvoiceCSVLine] {
        let data: Data
        do {
            data = try await source.csv(invoiceUUID: header.uuid)
        } catch {
            throw .sourceFailed(operation: "CSV of \(header.label)", message: "\(error)")
        }
        return try InvoiceCSV.parse(data: data, source: header.label)
    }

    /// One ledger transaction; any database error becomes `.ledger` and rolls everything back.
    private func write<T>(_ body: (Database) throws -> T) throws(CostIngestionError) -> T {
        do {
            return try ledger.writer.write(body)
        } catch {
            throw .ledger("\(error)")
        }
    }

    /// A body of one statement, which SQLite makes atomic without a transaction.
    private func writeOneStatement(_ body: (Database) throws -> Void) throws(CostIngestionError) {
        do {
            try ledger.writer.writeWithoutTransaction(body)
        } catch {
            throw .ledger("\(error)")
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(CostIngestionError) -> T {
        do {
            return try ledger.read(body)
        } catch {
            throw .ledger("\(error)")
        }
    }
}
