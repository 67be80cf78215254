import Foundation
import Testing
@testable import ArcadiaCore

/// `CSVPieces` cuts a text for readers on every core: its pieces, each read alone, must give the
/// very records one reader gives the whole text, and an invoice read in pieces the same lines and
/// errors (row numbers included) as read whole.
@Suite struct CSVPiecesTests {
    static let header = "product,group_description,description,hours,start,end,USD,project_name,category"

    func whole(_ text: String) throws -> [[String]] {
        try CSVPieces.records(of: text, pieces: 1, limit: .max)
    }

    @Test(arguments: [
        "a,b\nc,d\n", "a,b\nc,d", "a,b\r\nc,d\r\n\r\ne,f\r\n", "a\n\n\nb\n\nc", "\n\na,b\n", "x,y,z\n,,\n1,2,3\n4,5,6\n7,8,9\n",
        "only one line",
    ])
    func piecesReadAloneGiveTheWholesRecords(_ text: String) throws {
        for count in 1...6 {
            let pieces = CSVPieces.pieces(of: text, count: count)
            #expect(pieces.joined() == text, "\(count) pieces cover the text")
            #expect(try pieces.flatMap { try whole(String($0)) } == whole(text), "\(count) pieces")
        }
    }

    @Test func aTextWithAQuoteIsOnePiece() {
        let text = "a,\"b\nstill b\"\nc,d\n"
        #expect(CSVPieces.pieces(of: text, count: 4) == [Substring(text)])
    }

    func invoice(rows: Int, bad: Int? = nil) -> Data {
        var text = Self.header + "\n"
        for row in 2...(rows + 1) {
            let amount = row == bad ? "$x" : "$1.0\(row % 10)"
            text += "Droplets,,web-\(row) (s-1vcpu-1gb),744,2026-07-01 00:00:00 +0000,2026-08-01 00:00:00 +0000,\(amount),Production,iaas\n"
            if row % 97 == 0 { text += "\n" }
        }
        return Data(text.utf8)
    }

    @Test func anInvoiceReadInPiecesIsTheWholeInvoice() throws {
        let data = invoice(rows: 3_000)
        #expect(data.count > CSVPieces.smallestCut * 2)
        let lines = try InvoiceCSV.parse(data: data, source: "test")
        #expect(lines.count == 3_000)
        #expect(lines.map(\.lineNo) == Array(1...3_000))
        // Each blank line (after every 97th row) is a row of its own.
        #expect(lines.last?.csvRow == 3_001 + 3_001 / 97)
        #expect(lines.last?.description == "web-3001 (s-1vcpu-1gb)")
    }

    @Test func anErrorLateInTheInvoiceNamesItsRow() {
        let data = invoice(rows: 3_000, bad: 2_900)
        #expect(throws: CostIngestionError.self) { try InvoiceCSV.parse(data: data, source: "test") }
        do {
            _ = try InvoiceCSV.parse(data: data, source: "test")
        } catch {
            #expect(error.description.contains("row \(2_900 + 2_900 / 97)"), "\(error.description)")
        }
    }
}
