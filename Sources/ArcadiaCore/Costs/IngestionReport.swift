/// What one run of the billing-history job did: the engine's return value, for the job log, the
/// workbench's goldens and the CLI to print.
public struct IngestionReport: Sendable, Equatable {
    /// Invoices the source listed.
    public var listed = 0
    /// Successful ingests, oldest period first.
    public var ingested: [InvoiceMatchReport] = []
    /// Invoices that failed this run, in the order they failed: listed headers that cannot be
    /// stored first, then failed ingests oldest period first (those are retried on the next run).
    public var failures: [Failure] = []
    /// Set when the invoice list could not be fetched or its headers not stored; nothing else
    /// was attempted.
    public var listingError: CostIngestionError?

    public struct Failure: Sendable, Equatable {
        public var invoiceUUID: String
        public var error: CostIngestionError
    }

    public init() {}
}
