import ArcadiaCore
import ArcadiaServer
import Hummingbird
import DigitalOcean
import Foundation
import HTTPTypes
import MoneyAndTime
import TestSupport
import Testing
import Yams

/// `docs/openapi.yaml` against the running service: every documented operation exists and answers
/// a documented status, and every 200 body has exactly the keys its schema lists (items of a page
/// included), so the document cannot drift from the code unnoticed.
@Suite(.timeLimit(.minutes(2))) struct OpenAPIDocumentTests {
    static let end = Timestamp(year: 2026, month: 4, day: 1, hour: 14)

    @Test func everyDocumentedOperationAnswersInItsDocumentedShape() async throws {
        let text = try String(contentsOf: RepoPaths.root().appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        // Drift 2 (web-1's tags) is open in drift-ignore-expiry; invoice 1 (acme's April) is in revenue-month-end.
        let harness = try await ServiceHarness.make(scenario: "drift-ignore-expiry", at: Self.end)
        let revenue = try await ServiceHarness.make(scenario: "revenue-month-end", at: Self.end)
        let admin = try await harness.adminToken
        try await harness.test { driftClient async throws in try await revenue.test { invoiceClient async throws in
            let document = try #require(try Yams.load(yaml: text) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let spec = Spec(document: document)
            #expect(Self.documentedRoutes(paths) == Self.servedRoutes(harness.service), "docs/openapi.yaml against the router")
            for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
                for (method, operation) in operations.sorted(by: { $0.key < $1.key }) {
                    let operation = try #require(operation as? [String: Any])
                    let documented = Set((operation["responses"] as? [String: Any] ?? [:]).keys)
                    let key = "\(method.uppercased()) \(path)"
                    let example = Self.examples[key]
                    let uri = (example?.path ?? path.replacingOccurrences(of: "{id}", with: path.contains("drift") ? "2" : "1"))
                        + (Self.exampleQueries[path] ?? "")
                    let client = Self.onRevenueLedger(path) ? invoiceClient : driftClient
                    let httpMethod = try #require(HTTPRequest.Method(method.uppercased()))
                    if let body = spec.requestSchema(operation), body["properties"] != nil {
                        // Every JSON body refuses a field it does not take, and the document says so.
                        #expect(body["additionalProperties"] as? Bool == false, "\(key): its request schema allows unknown fields")
                        let refused = try await client.execute(uri: uri, method: httpMethod, headers: [.authorization: "Bearer \(admin)",
                                                                                               .contentType: "application/json"],
                                                               body: Data(#"{"zz_unknown": 1}"#.utf8))
                        #expect(try refused.status == .badRequest && refused.json["error"]?["field"]?.string == "zz_unknown", "\(key): \(refused.text)")
                    }
                    var headers: HTTPFields = [.authorization: "Bearer \(admin)"]
                    if let example, example.body != nil { headers[.contentType] = example.contentType }
                    let response = try await client.execute(uri: uri, method: httpMethod, headers: headers, body: example?.body.map { Data($0.utf8) })
                    #expect(documented.contains(String(response.status.code)), "\(key) answered \(response.status.code)")
                    let expected = example?.status ?? 200
                    guard response.status.code == expected else {
                        Issue.record("\(key) answered \(response.status.code), not \(expected): \(response.text)")
                        continue
                    }
                    guard expected < 300 else { continue }
                    let schema = try #require(spec.schema(operation, status: expected), "\(key)")
                    let body = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
                    spec.expectKeys(body, match: schema, at: key)
                }
            }
        } }
    }

    /// Query strings an operation needs to answer 200 to an admin.
    static let exampleQueries = ["/api/v1/invoices/upcoming": "?tenant=acme"]

    /// Tenancy, price books and invoices are exercised on the revenue ledger, the rest on the drift one.
    static func onRevenueLedger(_ path: String) -> Bool {
        ["/api/v1/invoices", "/api/v1/tenants", "/api/v1/deployments", "/api/v1/price-books", "/api/v1/margin"].contains { path.hasPrefix($0) }
    }

    /// A request each write operation accepts on those ledgers (operations run in path order, then
    /// method order), and the status it answers.
    struct Example {
        var path: String?
        var body: String?
        var contentType = "application/json"
        var status: Int
    }

    static let examples: [String: Example] = [
        "POST /api/v1/tenants": Example(body: #"{"code": "initech", "name": "Initech", "country": "US"}"#, status: 201),
        "POST /api/v1/deployments": Example(body: #"{"code": "acme-new", "tenant": "acme", "name": "New", "project": "acme-new"}"#, status: 201),
        "POST /api/v1/deployments/{code}/change-subscription": Example(path: "/api/v1/deployments/acme-web/change-subscription",
                                                                        body: #"{"addons": []}"#, status: 200),
        "POST /api/v1/deployments/{code}/end-subscription": Example(path: "/api/v1/deployments/acme-api/end-subscription", status: 200),
        "POST /api/v1/deployments/{code}/subscribe": Example(path: "/api/v1/deployments/acme-new/subscribe", body: #"{"plan": "starter"}"#,
                                                             status: 201),
        "POST /api/v1/price-books": Example(body: "name: next\neffective_from: 2026-07-01\nplans:\n  - {code: starter, name: Starter, base_price: 30.00}\n",
                                            contentType: "application/yaml", status: 201),
        "POST /api/v1/specs": Example(body: #"{"kind": "droplet", "provider_id": "1", "spec": {"size_slug": "s-1vcpu-1gb"}}"#, status: 200),
        "POST /api/v1/drift/ignore-rules": Example(body: #"{"id": "r1", "kind": "droplet", "field": "tags", "reason": "r", "expires": "2026-05-01T00:00:00Z"}"#,
                                                   status: 201),
        "POST /api/v1/invoices/rollup": Example(body: #"{"period": "2026-03"}"#, status: 200),
        "POST /api/v1/invoices/{id}/paid": Example(path: "/api/v1/invoices/2/paid", status: 200),
        // Invoice 2 was just paid: a paid invoice cannot be voided.
        "POST /api/v1/invoices/{id}/void": Example(path: "/api/v1/invoices/2/void", status: 409),
    ]

    /// `GET /api/v1/inventory`, … for every operation the document lists.
    static func documentedRoutes(_ paths: [String: [String: Any]]) -> Set<String> {
        Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }

    /// The same for every route the service's router holds, but CORS preflights (which are not API operations).
    static func servedRoutes(_ service: ArcadiaService) -> Set<String> {
        Set(service.router().routes.filter { $0.method != .options }.map(\.description))
    }

    /// Just enough of OpenAPI to compare key sets: `$ref`, `allOf`, object `properties`, array `items`.
    struct Spec {
        let document: [String: Any]

        func schema(_ operation: [String: Any], status: Int) -> [String: Any]? {
            let ok = (operation["responses"] as? [String: Any])?[String(status)] as? [String: Any]
            let json = ((ok?["content"] as? [String: Any])?["application/json"]) as? [String: Any]
            return (json?["schema"] as? [String: Any]).map(resolve)
        }

        /// The JSON request body's schema, resolved; nil for an operation that takes none.
        func requestSchema(_ operation: [String: Any]) -> [String: Any]? {
            let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
            return ((content?["application/json"] as? [String: Any])?["schema"] as? [String: Any]).map(resolve)
        }

        func resolve(_ schema: [String: Any]) -> [String: Any] {
            if let ref = schema["$ref"] as? String {
                let name = String(ref.split(separator: "/").last ?? "")
                let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
                return resolve(schemas?[name] as? [String: Any] ?? [:])
            }
            if let parts = schema["allOf"] as? [[String: Any]] {
                var properties: [String: Any] = [:]
                for part in parts.map(resolve) { properties.merge(part["properties"] as? [String: Any] ?? [:]) { $1 } }
                return ["type": "object", "properties": properties]
            }
            return schema
        }

        func expectKeys(_ body: [String: Any], match schema: [String: Any], at location: String) {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            #expect(Set(body.keys) == Set(properties.keys), "\(location): body \(body.keys.sorted()) vs schema \(properties.keys.sorted())")
            for (key, value) in body {
                guard let property = (properties[key] as? [String: Any]).map(resolve) else { continue }
                if let object = value as? [String: Any], property["properties"] != nil {
                    expectKeys(object, match: property, at: "\(location).\(key)")
                }
                if let items = value as? [[String: Any]], let first = items.first, let itemSchema = property["items"] as? [String: Any] {
                    expectKeys(first, match: resolve(itemSchema), at: "\(location).\(key)[0]")
                }
            }
        }
    }
}
