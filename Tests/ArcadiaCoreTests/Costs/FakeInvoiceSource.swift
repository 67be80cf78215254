import ArcadiaCore
import DigitalOcean
import Foundation
import MoneyAndTime

/// An `InvoiceSource` whose answers a test sets and changes between runs.
actor FakeInvoiceSource: InvoiceSource {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var invoices: [InvoiceHeader] = []
    var csvs: [String: String] = [:]
    var figures = BalanceFigures(monthToDateBalanceCents: 2_344, accountBalanceCents: 1_223, monthToDateUsageCents: 1_121,
                                 generatedAt: Timestamp(year: 2026, month: 4, day: 9, hour: 15))
    var listingFails = false
    private(set) var csvFetches: [String] = []

    func publish(_ header: InvoiceHeader, csv: String) {
        invoices.removeAll { $0.uuid == header.uuid }
        invoices.append(header)
        csvs[header.uuid] = csv
    }

    func replaceCSV(uuid: String, with csv: String) { csvs[uuid] = csv }
    func failListing(_ fails: Bool) { listingFails = fails }

    func listInvoices() async throws -> [InvoiceHeader] {
        if listingFails { throw Failure(description: "503 service unavailable") }
        return invoices
    }

    func csv(invoiceUUID: String) async throws -> Data {
        csvFetches.append(invoiceUUID)
        guard let text = csvs[invoiceUUID] else { throw Failure(description: "404 not found") }
        return Data(text.utf8)
    }

    func balance() async throws -> BalanceFigures { figures }
}

/// Invoice CSVs in DO's 9-column export format.
enum InvoiceCSVText {
    static let header = "product,group_description,description,hours,start,end,USD,project_name,category"

    /// One row; times in DO's `YYYY-MM-DD HH:MM:SS +0000` form.
    static func row(_ product: String, _ description: String, hours: Int?, _ start: Timestamp, _ end: Timestamp,
                    _ usd: String, project: String = "") -> String {
        "\(product),,\(description),\(hours.map(String.init) ?? ""),\(start.doCSV),\(end.doCSV),\(usd),\(project),iaas"
    }

    static func file(_ rows: [String]) -> String { ([header] + rows).joined(separator: "\n") + "\n" }
}
