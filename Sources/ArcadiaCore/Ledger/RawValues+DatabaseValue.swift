import GRDB

// Kinds and statuses are stored as their raw text. A status the schema's CHECK would refuse, or a
// value that is not text at all, reads as nil, which GRDB's throwing `decode` reports as an error
// naming the column.
extension ResourceKind: DatabaseValueConvertible {}
extension CostKind: DatabaseValueConvertible {}
extension BillingKind: DatabaseValueConvertible {}
extension DriftStatus: DatabaseValueConvertible {}
extension ResourceEventKind: DatabaseValueConvertible {}
extension CostMatchStatus: DatabaseValueConvertible {}
extension TenantInvoiceStatus: DatabaseValueConvertible {}
extension TenantInvoiceLine.Kind: DatabaseValueConvertible {}
extension MeteringGranularity: DatabaseValueConvertible {}
