/// A run's results as JUnit XML, valid against `reference/junit-10.xsd` (the Surefire/Jenkins
/// schema most CI systems read): one `<testsuites>` per run, one `<testsuite>` per scenario, one
/// `<testcase>` per ledger, expectation and invariant.
public struct JUnitReport: Sendable, Equatable {
    public var name: String
    public var suites: [JUnitSuite]

    public init(name: String, suites: [JUnitSuite] = []) {
        self.name = name
        self.suites = suites
    }
}

/// One scenario's checks.
public struct JUnitSuite: Sendable, Equatable {
    public var name: String
    /// The scenario file the checks came from.
    public var file: String?
    public var cases: [JUnitCase]
    public var timeSeconds: Double?
    /// Written as given; the schema takes any string, so callers choose the format (ISO-8601
    /// without a zone, `2025-01-31T00:00:00`, is what most readers expect).
    public var timestamp: String?
    /// Written in this order, so a report never depends on dictionary order.
    public var properties: [JUnitProperty]
    public var systemOut: String?

    public init(name: String, file: String? = nil, cases: [JUnitCase] = [], timeSeconds: Double? = nil,
                timestamp: String? = nil, properties: [JUnitProperty] = [], systemOut: String? = nil) {
        self.name = name
        self.file = file
        self.cases = cases
        self.timeSeconds = timeSeconds
        self.timestamp = timestamp
        self.properties = properties
        self.systemOut = systemOut
    }
}

/// A `<property>` of a suite, such as the scenario's seed.
public struct JUnitProperty: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One check. The schema gives `<testcase>` no `file` attribute, so the file lives on the suite.
public struct JUnitCase: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case passed
        /// A check that ran and disagreed; `body` (a unified diff, say) becomes the element's text.
        case failed(message: String, body: String)
        /// A check that could not run to a verdict.
        case error(message: String, body: String)
        case skipped(message: String)
    }

    public var name: String
    public var className: String
    public var timeSeconds: Double?
    public var outcome: Outcome

    public init(name: String, className: String, timeSeconds: Double? = nil, outcome: Outcome) {
        self.name = name
        self.className = className
        self.timeSeconds = timeSeconds
        self.outcome = outcome
    }
}

public extension JUnitSuite {
    var testCount: Int { cases.count }
    var failureCount: Int { cases.count(where: { if case .failed = $0.outcome { true } else { false } }) }
    var errorCount: Int { cases.count(where: { if case .error = $0.outcome { true } else { false } }) }
    var skippedCount: Int { cases.count(where: { if case .skipped = $0.outcome { true } else { false } }) }
}

public extension JUnitReport {
    var testCount: Int { suites.reduce(0) { $0 + $1.testCount } }
    var failureCount: Int { suites.reduce(0) { $0 + $1.failureCount } }
    var errorCount: Int { suites.reduce(0) { $0 + $1.errorCount } }
    var skippedCount: Int { suites.reduce(0) { $0 + $1.skippedCount } }

    /// The XML document. With `includeTimings: false` the `time` and `timestamp` attributes (all
    /// optional in the schema) are left out, so two runs of the same scenarios can be compared
    /// byte for byte. The root's `time` is the sum of the suites' rounded times.
    func xml(includeTimings: Bool = true) -> String {
        func time(_ seconds: Double?) -> String? {
            includeTimings ? seconds.map { Self.formatMilliseconds(Self.milliseconds($0)) } : nil
        }
        let suiteMilliseconds = suites.compactMap { $0.timeSeconds.map(Self.milliseconds) }
        let totalTime = includeTimings && !suiteMilliseconds.isEmpty
            ? Self.formatMilliseconds(suiteMilliseconds.reduce(0, +)) : nil
        var writer = XMLWriter()
        // `<testsuites>` has no `skipped` attribute in this schema; each suite carries its own.
        writer.open("testsuites", ["name": name, "tests": "\(testCount)", "failures": "\(failureCount)",
                                   "errors": "\(errorCount)", "time": totalTime])
        for suite in suites {
            writer.open("testsuite", [
                "name": suite.name, "tests": "\(suite.testCount)", "failures": "\(suite.failureCount)",
                "errors": "\(suite.errorCount)", "skipped": "\(suite.skippedCount)",
                "time": time(suite.timeSeconds), "timestamp": includeTimings ? suite.timestamp : nil,
                "file": suite.file,
            ])
            if !suite.properties.isEmpty {
                writer.open("properties")
                for property in suite.properties {
                    writer.element("property", ["name": property.name, "value": property.value])
                }
                writer.close()
            }
            for testCase in suite.cases {
                let attributes: XMLWriter.Attributes = [
                    "name": testCase.name, "classname": testCase.className,
                    "time": time(testCase.timeSeconds),
                ]
                let problem: (element: String, message: String, body: String)? = switch testCase.outcome {
                case .passed: nil
                case let .failed(message, body): ("failure", message, body)
                case let .error(message, body): ("error", message, body)
                case let .skipped(message): ("skipped", message, "")
                }
                writer.open("testcase", attributes)
                if let problem {
                    writer.element(problem.element, ["message": problem.message], text: problem.body)
                }
                writer.close()
            }
            if let systemOut = suite.systemOut {
                writer.element("system-out", text: systemOut)
            }
            writer.close()
        }
        writer.close()
        return writer.document
    }

    /// Whole milliseconds, rounded half away from zero. The schema's time pattern has no sign,
    /// exponent, NaN or infinity, so negative and non-finite times become 0; absurdly long ones
    /// are capped rather than trapping.
    private static func milliseconds(_ seconds: Double) -> Int64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int64((min(seconds, 1e12) * 1000).rounded())
    }

    /// `12.345`: three decimals and a `.`, built from integers so no locale can change it.
    private static func formatMilliseconds(_ milliseconds: Int64) -> String {
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
