import CLibXML2
import Foundation

/// Validates XML against an XSD in-process with libxml2 (the library the design names), so
/// checking a report needs no `xmllint` binary.
public struct JUnitSchema: Sendable {
    /// One problem libxml2 reported, with the line of the document it concerns (0 when unknown).
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { line > 0 ? "line \(line): \(message)" : message }
    }

    public struct InvalidSchema: Error, CustomStringConvertible {
        public var problems: [Problem]
        public var description: String { "the schema is not a valid XSD: \(problems.map(\.description).joined(separator: "; "))" }
    }

    private let xsd: Data

    /// `xsd`: the schema's text (the built-in `junit10` by default).
    public init(xsd: String = JUnitSchema.junit10) {
        self.xsd = Data(xsd.utf8)
    }

    public init(xsdData: Data) {
        xsd = xsdData
    }

    /// The problems that make `document` invalid; empty when it is valid. A document that is not
    /// well-formed XML is reported the same way, as problems.
    public func validate(_ document: Data) throws(InvalidSchema) -> [Problem] {
        LibXML2.initialize()
        var schemaProblems = ProblemLog()
        let schema: xmlSchemaPtr? = xsd.withUnsafeBytes { bytes in
            let parser = xmlSchemaNewMemParserCtxt(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
            defer { xmlSchemaFreeParserCtxt(parser) }
            return withUnsafeMutablePointer(to: &schemaProblems) { log in
                xmlSchemaSetParserStructuredErrors(parser, LibXML2.collect, log)
                return xmlSchemaParse(parser)
            }
        }
        guard let schema else { throw InvalidSchema(problems: schemaProblems.problems) }
        defer { xmlSchemaFree(schema) }

        var log = ProblemLog()
        return withUnsafeMutablePointer(to: &log) { logPointer in
            let doc = LibXML2.read(document, log: logPointer)
            guard let doc else {
                if logPointer.pointee.problems.isEmpty { logPointer.pointee.problems.append(Problem(line: 0, message: "not well-formed XML")) }
                return logPointer.pointee.problems
            }
            defer { xmlFreeDoc(doc) }
            let validator = xmlSchemaNewValidCtxt(schema)
            defer { xmlSchemaFreeValidCtxt(validator) }
            xmlSchemaSetValidStructuredErrors(validator, LibXML2.collect, logPointer)
            let status = xmlSchemaValidateDoc(validator, doc)
            if status != 0, logPointer.pointee.problems.isEmpty {
                logPointer.pointee.problems.append(Problem(line: 0, message: "libxml2 refused the document (status \(status))"))
            }
            return logPointer.pointee.problems
        }
    }
}

