/// What one run of the billing-history job did: the engine's return value, for the job log, the
/// workbench's goldens and the CLI to print.
public struct IngestionReport: Sendable, Equatable {
    /// Invoices the source listed.
    public var listed = 0
    /// Successful ingests, oldest period first.
    public var ingested: [InvoiceMatchReport] = []
    /// Invoices whose ingest failed this run (retried on the next), oldest period first.
    public var failures: [Failure] = []
    /// Set when the invoice list itself could not be fetched; nothing else was attempted.
    public var listingError: CostIngestionError?

    public struct Failure: Sendable, Equatable {
        public var invoiceUUID: String
        public var error: CostIngestionError
    }

    public init() {}
}
