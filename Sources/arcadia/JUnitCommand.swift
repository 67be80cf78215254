import ArgumentParser
import Foundation
import Workbench

/// `arcadia junit validate|merge`: JUnit reports checked and combined in-process with libxml2.
struct JUnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "junit",
        abstract: "Validate JUnit reports against the schema, or merge several (e.g. CI shards) into one.",
        subcommands: [Validate.self, Merge.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate JUnit XML files against junit-10.xsd (built in) or another schema.",
            discussion: "Exits 0 when every file is valid; 1 when any is not (each problem printed as file:line: message)."
        )

        @Argument(help: "The JUnit XML files.")
        var files: [String]

        @Option(help: "An XSD to validate against instead of the built-in junit-10 schema.")
        var schema: String?

        func run() throws {
            let validator: JUnitSchema
            if let schema {
                validator = JUnitSchema(xsdData: try readFile(schema))
            } else {
                validator = JUnitSchema()
            }
            var invalid = false
            for file in files {
                let problems = try validator.validate(try readFile(file))
                for problem in problems {
                    print(problem.line > 0 ? "\(file):\(problem.line): \(problem.message)" : "\(file): \(problem.message)")
                }
                if problems.isEmpty { print("\(file): valid") } else { invalid = true }
            }
            if invalid { throw ExitCode(1) }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge JUnit reports: their suites in the order given, totals recomputed.",
            discussion: "The output is written beside its target and renamed into place, so a failure leaves no half-written file."
        )

        @Argument(help: "The JUnit XML files to merge, in order.")
        var files: [String]

        @Option(name: .shortAndLong, help: "The merged report.")
        var output: String

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("name at least one report to merge") }
        }

        func run() throws {
            var reports: [JUnitReport] = []
            for file in files {
                do {
                    reports.append(try JUnitReport.read(try readFile(file), source: file))
                } catch let error as JUnitReport.ReadError {
                    print(error.description)
                    throw ExitCode(1)
                }
            }
            let url = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(JUnitReport.merged(reports).xml().utf8).write(to: url, options: .atomic)
        }
    }
}

private func readFile(_ path: String) throws -> Data {
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw InputError("cannot read \(path)")
    }
}
