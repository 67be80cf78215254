import ArcadiaCore
import ArgumentParser
import DigitalOcean
import Foundation
import MoneyAndTime
import Workbench

/// `arcadia import`: real history into a ledger. Each import is one transaction on the ledger
/// (`LedgerUpdate`), so bad input leaves the file byte for byte as it was, an import that changes
/// nothing rolls back and does not touch it, and other processes' writes are never lost
/// (`docs/history.md`).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import real history into a ledger: DigitalOcean invoice exports, tenants and price books.",
        subcommands: [ImportInvoiceCommand.self, ImportTenantsCommand.self]
    )

    /// Runs an import on `db` through `LedgerUpdate`, turning every refusal into an `InputError`.
    static func update<T>(db: String, _ body: (Ledger) throws -> T) throws(InputError) -> T {
        do {
            return try LedgerUpdate(target: db).apply(body)
        } catch {
            throw InputError("\(error)")
        }
    }

    static func wallClock() -> EngineClock {
        EngineClock { Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
    }
}

struct ImportInvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "do-invoice",
        abstract: "Import DigitalOcean invoice CSV exports (one billing month per file) into a ledger.",
        discussion: """
            Each file goes through the invoices job's own parsing, kind derivation and matching. A month is keyed by its \
            billing period, taken from the rows' dates: importing the same file again changes nothing, a changed file \
            replaces the month's lines, and a month ingested from DigitalOcean's API is refused unless --replace. All files \
            are imported in one transaction: a bad row (reported as FILE:ROW:COLUMN) anywhere writes nothing. Exits 1 on \
            bad input (docs/cost-ingestion.md, docs/history.md).
            """
    )

    @Argument(help: "Invoice CSV exports, the 9-column form or the older 8-column one.")
    var files: [String]

    @Option(help: "The SQLite ledger to import into (created if missing).")
    var db: String

    @Flag(help: "Replace the lines of a month already ingested from DigitalOcean's API.")
    var replace = false

    @Flag(help: "Derive one usage record per line (source do_invoice, granularity invoice) for the deployment owning its project.")
    var deriveUsage = false

    @Option(help: "With --derive-usage: a YAML map of resource-name globs to project names, for lines with no project_name.")
    var projectMap: String?

    @Option(help: "With --derive-usage: the deployment of lines with no project_name that the project map does not place.")
    var deployment: String?

    @Flag(help: "With --derive-usage: derive a month already imported with the same lines again, replacing the usage an import with other options derived.")
    var rederive = false

    func validate() throws {
        if !deriveUsage, projectMap != nil || deployment != nil || rederive {
            throw ValidationError("--project-map, --deployment and --rederive assign lines to deployments for --derive-usage; add --derive-usage")
        }
    }

    func run() throws {
        do {
            print(try Self.importFiles(files, db: db, replace: replace, deriveUsage: deriveUsage, projectMap: projectMap,
                                       deployment: deployment, rederive: rederive, clock: ImportCommand.wallClock()), terminator: "")
        } catch {
            print(error.description)
            throw ExitCode(1)
        }
    }

    /// The command without the wall clock or printing: what it would print, or why it wrote nothing.
    static func importFiles(_ files: [String], db: String, replace: Bool = false, deriveUsage: Bool = false, projectMap: String? = nil,
                            deployment: String? = nil, rederive: Bool = false, clock: EngineClock) throws(InputError) -> String {
        var exports: [InvoiceExport] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError("\(file):0:0: " + (FileManager.default.fileExists(atPath: file) ? "cannot read the file" : "no such file"))
            }
            exports.append(InvoiceExport(file: file, data: data))
        }
        var derivation: UsageDerivation?
        if deriveUsage {
            do {
                derivation = UsageDerivation(projectMap: try projectMap.map(ProjectMapFile.load) ?? ProjectMap(), deployment: deployment)
            } catch {
                throw InputError(error.description)
            }
        }
        let options = InvoiceImport.Options(replace: replace, deriveUsage: derivation, rederive: rederive)
        let report = try ImportCommand.update(db: db) { ledger in try InvoiceImport(ledger: ledger, clock: clock).run(exports, options: options) }
        return ImportRendering.invoices(report, db: db)
    }
}

struct ImportTenantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants",
        abstract: "Import tenants, deployments, subscriptions and price books (a scenario's YAML shapes) into a ledger.",
        discussion: """
            The file takes a scenario's tenants:, deployments: and pricebooks: sections, and subscriptions: as timeline \
            items (at: plus subscribe, change_subscription or end_subscription). Idempotent: what the ledger already holds \
            as the file has it is left alone; what it holds differently is refused. Errors are file:line:column: field: \
            message, and leave the ledger as it was (docs/history.md).
            """
    )

    @Argument(help: "The tenants YAML file.")
    var file: String

    @Option(help: "The SQLite ledger to import into (created if missing).")
    var db: String

    @OptionGroup var allowPath: AllowPathOption

    func run() throws {
        do {
            print(try Self.importFile(file, db: db, confinement: allowPath.confinement), terminator: "")
        } catch {
            print(error.description)
            throw ExitCode(1)
        }
    }

    static func importFile(_ path: String, db: String, confinement: FileConfinement = FileConfinement()) throws(InputError) -> String {
        let file: TenancyFile
        do {
            file = try TenancyFile.load(path: path, confinement: confinement)
        } catch {
            throw InputError(error.description)
        }
        let report = try ImportCommand.update(db: db) { (ledger: Ledger) throws -> TenancyImportReport in
            do {
                return try TenancyImport(ledger: ledger).run(file.input)
            } catch let error as TenancyImportError {
                throw InputError(file.locate(error).description)
            }
        }
        return ImportRendering.tenants(report, db: db)
    }
}
