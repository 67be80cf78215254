import GRDB

// Kinds and statuses are stored as their raw text. A status the schema's CHECK would refuse, or a
// value that is not text at all, reads as nil, which GRDB's throwing `decode` reports as an error
// naming the column. `StatementColumnConvertible` (free for raw-text types) lets a cursor read
// them straight from the statement, as fast as the `String` they replace.
extension ResourceKind: DatabaseValueConvertible, StatementColumnConvertible {}
extension CostKind: DatabaseValueConvertible, StatementColumnConvertible {}
extension BillingKind: DatabaseValueConvertible, StatementColumnConvertible {}
extension DriftStatus: DatabaseValueConvertible, StatementColumnConvertible {}
extension ResourceEventKind: DatabaseValueConvertible, StatementColumnConvertible {}
extension CostMatchStatus: DatabaseValueConvertible, StatementColumnConvertible {}
extension TenantInvoiceStatus: DatabaseValueConvertible, StatementColumnConvertible {}
extension JobID: DatabaseValueConvertible, StatementColumnConvertible {}
extension JobRun.Outcome: DatabaseValueConvertible, StatementColumnConvertible {}
extension TenantInvoiceLine.Kind: DatabaseValueConvertible, StatementColumnConvertible {}
extension MeteringGranularity: DatabaseValueConvertible, StatementColumnConvertible {}
extension CloudInvoice.Origin: DatabaseValueConvertible, StatementColumnConvertible {}
extension UsageRecordSource: DatabaseValueConvertible, StatementColumnConvertible {}
