import DigitalOcean
import MoneyAndTime

/// One line of a fake invoice, in the terms DO's invoice items and CSV share. Both renderings are
/// derived from it, so the JSON and the CSV of an invoice cannot disagree.
struct InvoiceLine: Sendable, Equatable {
    var product: String
    var groupDescription: String = ""
    var description: String
    /// Whole hours billed; nil for tax lines, whose CSV `hours` is blank.
    var hours: Int?
    var start: Timestamp
    var end: Timestamp
    var amount: Money
    var projectName: String
    var category: String
    /// DO's numeric id of the billed resource, when the line is about one.
    var resourceID: String?
    /// DO's UUID of the billed resource (volumes, volume snapshots), DO's `resource_uuid`.
    var resourceUUID: String? = nil
}
