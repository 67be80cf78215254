/// One line of an invoice (`GET /v2/customers/my/invoices/{uuid}`). Every field is a string, as DO
/// sends it; the ones DO omits on some lines (spec example vs. godo's) are optional.
public struct InvoiceItem: Codable, Sendable, Equatable {
    /// `Droplets`, `Volumes`, `Spaces Subscription`, `Taxes`, …
    public var product: String
    public var resourceUUID: String?
    /// DO's numeric id as a string, e.g. `"2353624"`.
    public var resourceID: String?
    /// Grouped usage, e.g. a DOKS cluster name; empty for most lines.
    public var groupDescription: String?
    /// `<droplet name> (<size slug>)` for droplets.
    public var description: String
    public var amount: String
    /// Whole hours, e.g. `"744"`; absent on tax lines.
    public var duration: String?
    /// `Hours`; absent on tax lines.
    public var durationUnit: String?
    public var startTime: String
    public var endTime: String
    public var projectName: String?
    /// `iaas` or `paas`; not in the spec model but sent by the API (godo models it).
    public var category: String?

    public init(product: String, resourceUUID: String? = nil, resourceID: String? = nil, groupDescription: String? = nil,
                description: String, amount: String, duration: String?, durationUnit: String?, startTime: String,
                endTime: String, projectName: String? = nil, category: String? = nil) {
        self.product = product
        self.resourceUUID = resourceUUID
        self.resourceID = resourceID
        self.groupDescription = groupDescription
        self.description = description
        self.amount = amount
        self.duration = duration
        self.durationUnit = durationUnit
        self.startTime = startTime
        self.endTime = endTime
        self.projectName = projectName
        self.category = category
    }

    enum CodingKeys: String, CodingKey {
        case product, description, amount, duration, category
        case resourceUUID = "resource_uuid"
        case resourceID = "resource_id"
        case groupDescription = "group_description"
        case durationUnit = "duration_unit"
        case startTime = "start_time"
        case endTime = "end_time"
        case projectName = "project_name"
    }
}
