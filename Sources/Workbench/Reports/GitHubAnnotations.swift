/// A run's findings as GitHub Actions workflow commands (`::error file=…,line=…::message`), which
/// GitHub's log view turns into annotations on the files at fault: the golden line that differs,
/// the scenario line that is invalid.
public enum GitHubAnnotations {
    public static func render(_ report: RunReport) -> String {
        var out = ""
        for outcome in report.outcomes {
            switch outcome.failure {
            case .invalid(let error)?:
                out += line(file: error.location.file, line: error.location.line, column: error.location.column,
                            message: error.field.isEmpty ? error.message : "\(error.field): \(error.message)")
            case .simulation(let error)?:
                out += line(file: error.location?.file ?? outcome.file, line: error.location?.line, column: error.location?.column,
                            message: error.message)
            case let failure?:
                out += line(file: outcome.file, message: failure.description)
            case nil:
                for comparison in outcome.comparisons {
                    switch comparison {
                    case .match: break
                    case .mismatch(let mismatch):
                        out += line(file: mismatch.goldenPath, line: mismatch.cells.first?.line,
                                    message: "\(mismatch.file) differs from its golden\n" + CellDiff.render(mismatch.cells))
                    case .missingGolden(let file):
                        out += line(file: outcome.file, message: "\(file) has no golden (run with --update-goldens, read it, commit it)")
                    case .unexpectedGolden(let file):
                        out += line(file: outcome.file, message: "\(file) is a golden this scenario no longer produces")
                    }
                }
                for expectation in outcome.expectations where !expectation.passed {
                    let at = expectation.spec.location
                    out += line(file: at?.file ?? outcome.file, line: at?.line, column: at?.column,
                                message: "\(expectation.title) is not as expected\n" + expectation.sideBySide)
                }
            }
        }
        for orphan in report.orphanGoldens {
            out += line(file: String(report.orphanPath(orphan).dropLast()), message: "golden folder belongs to no scenario that ran")
        }
        return out
    }

    private static func line(file: String, line: Int? = nil, column: Int? = nil, message: String) -> String {
        var properties = ["file=\(escapeProperty(file))"]
        if let line, line > 0 { properties.append("line=\(line)") }
        if let column, column > 0 { properties.append("col=\(column)") }
        return "::error \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    /// GitHub's escaping for a command's message.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value escapes `:` and `,` as well.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
