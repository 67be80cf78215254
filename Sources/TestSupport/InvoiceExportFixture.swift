import Foundation

/// Hand-written DigitalOcean invoice exports (`Tests/Fixtures/invoices/`): the older 8-column form,
/// its columns shuffled, and a 9-column one with project names, for the import tests.
public enum InvoiceExportFixture {
    public static func path(_ name: String, filePath: String = #filePath) -> String {
        RepoPaths.root(filePath: filePath).appendingPathComponent("Tests/Fixtures/invoices/\(name)").path
    }

    public static func data(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }

    /// DO's own 9-column example (`shared/reference/digitalocean/invoice.csv`).
    public static var referencePath: String {
        RepoPaths.sharedReference().appendingPathComponent("digitalocean/invoice.csv").path
    }
}
