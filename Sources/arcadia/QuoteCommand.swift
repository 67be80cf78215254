import ArcadiaCore
import ArgumentParser
import DigitalOcean
import Foundation
import MoneyAndTime
import Workbench

/// `arcadia quote`: what a subscription would cost, priced by the same quote engine the month-end
/// rollup invoices with, so a quoted and an invoiced price agree.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Price a plan, addons and usage with a price book: the projection a provisioning flow shows.",
        discussion: """
            Lines are the plan base, one line per addon, and overage per billing kind above its allowance, each rounded \
            once, half up, to the cent; base and addons are prorated by --days-active unless the book turns proration off. \
            Tax is added at invoicing, by the tenant's country. Exits non-zero, naming the problem, on an unknown plan, \
            addon or billing kind, or a bad quantity (docs/revenue.md).
            """
    )

    @Option(help: "The price book YAML file, e.g. pricebooks/standard-2026.yaml.")
    var pricebook: String

    @Option(help: "The plan's code.")
    var plan: String

    @Option(name: .customLong("addon"), help: "An addon's code (repeat for several).")
    var addons: [String] = []

    @Option(name: .customLong("usage"), help: "Usage over the days active as kind=quantity, e.g. droplet_hours=1000 (repeat per kind).")
    var usage: [String] = []

    @Option(help: "The month, YYYY-MM (default: the current month, UTC).")
    var period: String?

    @Option(help: "Days of the month the subscription is active (default: all of them).")
    var daysActive: Int?

    @Option(help: "The tenant's country (ISO 3166 alpha-2, e.g. AU): adds the tax line the invoice would carry.")
    var country: String?

    func run() throws {
        let now = Timestamp(seconds: Int64(Date().timeIntervalSince1970))
        print(try Self.quote(pricebook: pricebook, plan: plan, addons: addons, usage: usage, period: period,
                             daysActive: daysActive, country: country, now: now), terminator: "")
    }

    /// The command without the wall clock or printing: the quote's text, or an error
    /// naming what is wrong.
    static func quote(pricebook path: String, plan: String, addons: [String], usage: [String], period: String?,
                      daysActive: Int?, country: String? = nil, now: Timestamp) throws -> String {
        let book: PriceBook
        do {
            book = try PriceBookParser.load(path: path)
        } catch {
            throw InputError(TerminalText.safe("--pricebook: \(error)"))
        }
        let month: BillingPeriod
        if let period {
            guard let parsed = BillingPeriod(period) else { throw ValidationError("--period '\(period)' is not a month; write YYYY-MM, e.g. 2026-04") }
            month = parsed
        } else {
            month = BillingPeriod(containing: now)
        }
        if let country, !CountryCode.isAssigned(country) {
            throw ValidationError("--country '\(country)' is not a country code; write ISO 3166 alpha-2 in capitals, e.g. AU")
        }
        let request = QuoteRequest(planCode: plan, addonCodes: addons, usage: try quantities(usage), period: month, daysActive: daysActive)
        let quote: Quote
        do {
            quote = try QuoteEngine.quote(request, in: book)
        } catch {
            throw InputError(TerminalText.safe(error.description))
        }
        return try QuoteRendering.render(quote, request: request, book: book, source: path, country: country)
    }

    /// `kind=quantity` items: a metered billing kind, once, and a non-negative decimal.
    static func quantities(_ items: [String]) throws -> [BillingKind: Decimal] {
        var usage: [BillingKind: Decimal] = [:]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw ValidationError("--usage '\(item)' is not kind=quantity, e.g. droplet_hours=1000") }
            let kind = BillingKind(rawValue: String(parts[0]))
            guard MeteredKinds.billingKinds.contains(kind) else {
                let known = MeteredKinds.billingKinds.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--usage '\(item)': unknown billing kind '\(kind)'; the kinds are \(known)")
            }
            guard usage[kind] == nil else { throw ValidationError("--usage names \(kind) twice") }
            guard let quantity = DecimalText.parse(parts[1]) else {
                throw ValidationError("--usage '\(item)': '\(parts[1])' is not a non-negative decimal quantity, e.g. 1000 or 12.5")
            }
            usage[kind] = quantity
        }
        return usage
    }
}
