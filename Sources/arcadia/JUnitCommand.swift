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
                for problem in problems { print(located(problem, in: file)) }
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

        /// Each input must be a valid report (the schema `validate` checks) and named once: a report
        /// that is not JUnit used to merge as an empty one, and a shard named twice twice over.
        func run() throws {
            if let twice = files.enumerated().first(where: { files[..<$0.offset].contains($0.element) })?.element {
                throw InputError("\(twice) is named twice; each report is merged once")
            }
            let destination: ReportOutput
            do {
                destination = try ReportOutput(target: output, option: "--output", kind: .junit)
            } catch {
                throw InputError(error.description)
            }
            let schema = JUnitSchema()
            var reports: [JUnitReport] = []
            for file in files {
                let data = try readFile(file)
                let problems = try schema.validate(data)
                guard problems.isEmpty else {
                    for problem in problems { print(located(problem, in: file)) }
                    throw InputError("\(file) is not a valid JUnit report; nothing was merged")
                }
                do {
                    reports.append(try JUnitReport.read(data, source: file))
                } catch {
                    throw InputError(error.description)
                }
            }
            do {
                try destination.write(JUnitReport.merged(reports).xml())
            } catch {
                throw InputError(error.description)
            }
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

/// A schema problem as `file:line: message`, the form editors and CI logs link to.
private func located(_ problem: JUnitSchema.Problem, in file: String) -> String {
    problem.line > 0 ? "\(file):\(problem.line): \(problem.message)" : "\(file): \(problem.message)"
}
