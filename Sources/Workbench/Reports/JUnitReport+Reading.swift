import CLibXML2
import Foundation

/// Reads a JUnit report back into the model (parsed by libxml2), so reports from several runs or
/// shards can be merged and written again in the one canonical form.
extension JUnitReport {
    public struct ReadError: Error, CustomStringConvertible {
        public var source: String
        public var message: String
        public var description: String { "\(source): \(message)" }
    }

    /// `source` names the input in errors. Accepts a `<testsuites>` root or a lone `<testsuite>`.
    public static func read(_ data: Data, source: String) throws(ReadError) -> JUnitReport {
        var log = ProblemLog()
        guard let doc = withUnsafeMutablePointer(to: &log, { LibXML2.read(data, log: $0) }) else {
            throw ReadError(source: source, message: "not well-formed XML: \(log.problems.map(\.description).joined(separator: "; "))")
        }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw ReadError(source: source, message: "the document has no root element") }
        switch XMLNode(root).name {
        case "testsuites":
            let node = XMLNode(root)
            return JUnitReport(name: node.attribute("name") ?? "", suites: node.children("testsuite").map(suite))
        case "testsuite":
            let node = XMLNode(root)
            return JUnitReport(name: node.attribute("name") ?? "", suites: [suite(node)])
        case let other:
            throw ReadError(source: source, message: "the root element is <\(other)>, not <testsuites> or <testsuite>")
        }
    }

    /// The suites of every report in order, under the first report's name; totals are recomputed
    /// when the result is written.
    public static func merged(_ reports: [JUnitReport]) -> JUnitReport {
        JUnitReport(name: reports.first?.name ?? "", suites: reports.flatMap(\.suites))
    }

    private static func suite(_ node: XMLNode) -> JUnitSuite {
        JUnitSuite(name: node.attribute("name") ?? "", file: node.attribute("file"),
                   cases: node.children("testcase").map(testCase), timeSeconds: node.attribute("time").flatMap(Double.init),
                   timestamp: node.attribute("timestamp"),
                   properties: node.children("properties").flatMap { $0.children("property") }.map {
                       JUnitProperty(name: $0.attribute("name") ?? "", value: $0.attribute("value") ?? "")
                   },
                   systemOut: node.children("system-out").first?.text)
    }

    private static func testCase(_ node: XMLNode) -> JUnitCase {
        let outcome: JUnitCase.Outcome
        if let failure = node.children("failure").first {
            outcome = .failed(message: failure.attribute("message") ?? "", body: failure.text)
        } else if let error = node.children("error").first {
            outcome = .error(message: error.attribute("message") ?? "", body: error.text)
        } else if let skipped = node.children("skipped").first {
            outcome = .skipped(message: skipped.attribute("message") ?? "")
        } else {
            outcome = .passed
        }
        return JUnitCase(name: node.attribute("name") ?? "", className: node.attribute("classname") ?? "",
                         timeSeconds: node.attribute("time").flatMap(Double.init), outcome: outcome)
    }
}

/// A read-only view of one libxml2 element, valid while its document is.
private struct XMLNode {
    let pointer: xmlNodePtr
    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { arcadia_xml_free(value) }
        return String(cString: value)
    }

    /// The element's text, entities decoded.
    var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { arcadia_xml_free(content) }
        return String(cString: content)
    }

    func children(_ name: String) -> [XMLNode] {
        var found: [XMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, XMLNode(node).name == name { found.append(XMLNode(node)) }
            child = node.pointee.next
        }
        return found
    }
}
