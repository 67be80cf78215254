import ArcadiaCore
import HTTPTypes
import Hummingbird

/// A JSON answer. Bodies are built as `JSONValue` trees so that an absent value is an explicit
/// `null` (every item of a list has the same keys) and keys are written sorted.
struct JSONResponse: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var body: JSONValue

    init(_ body: JSONValue, status: HTTPResponse.Status = .ok) {
        self.body = body
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try ServiceJSON.encoder().encode(body)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension JSONValue {
    /// `null` for nil.
    static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func integer(_ value: Int64?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    static func integer(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }

    /// `{"items": [...], "page": {"limit", "offset", "total", "next_offset"}}`: every list endpoint's
    /// shape, with `fields` that describe the whole list (margin's `by`) beside them.
    static func page<Item>(_ page: QueryPage<Item>, adding fields: [String: JSONValue] = [:], _ item: (Item) -> JSONValue) -> JSONValue {
        .object(fields.merging([
            "items": .array(page.items.map(item)),
            "page": .object([
                "limit": .integer(page.request.limit),
                "offset": .integer(page.request.offset),
                "total": .integer(page.total),
                "next_offset": .integer(page.nextOffset),
            ]),
        ]) { _, list in list })
    }
}

extension ResourceRef {
    var json: JSONValue {
        .object(["id": .int(id), "kind": .string(kind.rawValue), "name": .string(name), "provider_id": .string(providerID)])
    }
}
