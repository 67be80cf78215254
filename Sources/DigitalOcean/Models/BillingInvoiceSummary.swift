/// `GET /v2/customers/my/invoices/{uuid}/summary`: a top-level object. Its `amount` is the sum of
/// product charges, overages, taxes and credits & adjustments.
public struct InvoiceSummary: Codable, Sendable, Equatable {
    public var invoiceUUID: String
    public var invoiceID: String
    /// `YYYY-MM`.
    public var billingPeriod: String
    public var amount: String
    public var userName: String
    public var userBillingAddress: BillingAddress
    public var userCompany: String
    public var userEmail: String
    public var productCharges: ProductCharges
    public var overages: SummaryAmount
    public var taxes: SummaryAmount
    public var creditsAndAdjustments: SummaryAmount

    public init(invoiceUUID: String, invoiceID: String, billingPeriod: String, amount: String, userName: String,
                userBillingAddress: BillingAddress, userCompany: String, userEmail: String, productCharges: ProductCharges,
                overages: SummaryAmount, taxes: SummaryAmount, creditsAndAdjustments: SummaryAmount) {
        self.invoiceUUID = invoiceUUID
        self.invoiceID = invoiceID
        self.billingPeriod = billingPeriod
        self.amount = amount
        self.userName = userName
        self.userBillingAddress = userBillingAddress
        self.userCompany = userCompany
        self.userEmail = userEmail
        self.productCharges = productCharges
        self.overages = overages
        self.taxes = taxes
        self.creditsAndAdjustments = creditsAndAdjustments
    }

    enum CodingKeys: String, CodingKey {
        case amount, overages, taxes
        case invoiceUUID = "invoice_uuid"
        case invoiceID = "invoice_id"
        case billingPeriod = "billing_period"
        case userName = "user_name"
        case userBillingAddress = "user_billing_address"
        case userCompany = "user_company"
        case userEmail = "user_email"
        case productCharges = "product_charges"
        case creditsAndAdjustments = "credits_and_adjustments"
    }

    /// `{"name": "Taxes", "amount": "4.56"}` and its siblings.
    public struct SummaryAmount: Codable, Sendable, Equatable {
        public var name: String
        public var amount: String

        public init(name: String, amount: String) {
            self.name = name
            self.amount = amount
        }
    }

    /// "Product usage charges": the total and one item per product.
    public struct ProductCharges: Codable, Sendable, Equatable {
        public var name: String
        public var amount: String
        public var items: [Item]

        public init(name: String, amount: String, items: [Item]) {
            self.name = name
            self.amount = amount
            self.items = items
        }

        public struct Item: Codable, Sendable, Equatable {
            public var amount: String
            public var name: String
            /// A count as a string, e.g. `"1"`.
            public var count: String

            public init(amount: String, name: String, count: String) {
                self.amount = amount
                self.name = name
                self.count = count
            }
        }
    }

    /// The account's billing address. Its times use DO's `2019-09-03T16:34:46.000+00:00` form,
    /// kept as strings.
    public struct BillingAddress: Codable, Sendable, Equatable {
        public var addressLine1: String?
        public var addressLine2: String?
        public var city: String?
        public var region: String?
        public var postalCode: String?
        public var countryISO2Code: String?
        public var createdAt: String?
        public var updatedAt: String?

        public init(addressLine1: String?, addressLine2: String? = nil, city: String?, region: String?, postalCode: String?,
                    countryISO2Code: String?, createdAt: String?, updatedAt: String?) {
            self.addressLine1 = addressLine1
            self.addressLine2 = addressLine2
            self.city = city
            self.region = region
            self.postalCode = postalCode
            self.countryISO2Code = countryISO2Code
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }

        enum CodingKeys: String, CodingKey {
            case city, region
            case addressLine1 = "address_line1"
            case addressLine2 = "address_line2"
            case postalCode = "postal_code"
            case countryISO2Code = "country_iso2_code"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }
    }
}
