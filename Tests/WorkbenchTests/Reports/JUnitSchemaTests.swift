import Foundation
import Testing
import TestSupport
import Workbench

/// In-process validation with libxml2, and reading reports back to merge them.
struct JUnitSchemaTests {
    @Test func theBuiltInSchemaIsTheReferenceCopyByteForByte() throws {
        let reference = try String(contentsOf: RepoPaths.sharedReference().appendingPathComponent("junit-10.xsd"), encoding: .utf8)
        #expect(JUnitSchema.junit10 == reference)
    }

    @Test func aDocumentThatIsNotXMLIsAProblemNotACrash() throws {
        let problems = try JUnitSchema().validate(Data("<testsuites><testsuite".utf8))
        #expect(!problems.isEmpty)
    }

    @Test func anElementTheSchemaLacksIsNamedWithItsLine() throws {
        let xml = "<testsuites>\n<testsuite name=\"a\" tests=\"0\">\n<bogus/>\n</testsuite>\n</testsuites>\n"
        let problems = try JUnitSchema().validate(Data(xml.utf8))
        #expect(problems.contains { $0.line == 3 && $0.message.contains("bogus") }, "\(problems)")
    }

    @Test func aSchemaThatIsNotAnXSDIsRefused() {
        #expect(throws: JUnitSchema.InvalidSchema.self) { try JUnitSchema(xsd: "<nope/>").validate(Data("<a/>".utf8)) }
    }

    @Test(arguments: [true, false])
    func aWrittenReportReadsBackToTheSameModelAndBytes(includeTimings: Bool) throws {
        let xml = JUnitReportTests.sample.xml(includeTimings: includeTimings)
        let read = try JUnitReport.read(Data(xml.utf8), source: "sample.xml")
        #expect(read.xml(includeTimings: includeTimings) == xml)
        #expect(read.suites.map(\.name) == JUnitReportTests.sample.suites.map(\.name))
        #expect(read.suites[0].properties == JUnitReportTests.sample.suites[0].properties)
    }

    @Test func mergingTwoHalvesGivesTheWholeReport() throws {
        let whole = JUnitReportTests.sample
        let first = JUnitReport(name: whole.name, suites: Array(whole.suites.prefix(1)))
        let second = JUnitReport(name: whole.name, suites: Array(whole.suites.dropFirst()))
        let halves = try [first, second].map { try JUnitReport.read(Data($0.xml().utf8), source: "half.xml") }
        #expect(JUnitReport.merged(halves).xml(includeTimings: false) == whole.xml(includeTimings: false))
        #expect(try JUnitSchema().validate(Data(JUnitReport.merged(halves).xml().utf8)) == [])
    }

    @Test func aReportWithAnotherRootIsRefusedByName() {
        #expect(throws: JUnitReport.ReadError.self) { try JUnitReport.read(Data("<html/>".utf8), source: "x.xml") }
    }
}
