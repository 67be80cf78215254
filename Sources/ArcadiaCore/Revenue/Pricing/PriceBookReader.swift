/// How the service reads a price book sent to it: the one parser of the documented format
/// (`PriceBookParser`, in the workbench, which provides `PriceBookReader.yaml`), handed in as a
/// value so the engines and the service need not import the workbench. JSON with the same keys is
/// YAML too, so both content types take the same path.
public struct PriceBookReader: Sendable {
    public var read: @Sendable (_ text: String) throws(PriceBookRefusal) -> PriceBook

    public init(read: @escaping @Sendable (_ text: String) throws(PriceBookRefusal) -> PriceBook) {
        self.read = read
    }
}

/// Why a price book was refused: the field to blame (`plans[1].base_price`), nil for the text as a
/// whole, and the parser's message with its line and column.
public struct PriceBookRefusal: Error, Sendable, Equatable {
    public var field: String?
    public var message: String

    public init(field: String?, message: String) {
        self.field = field
        self.message = message
    }
}
