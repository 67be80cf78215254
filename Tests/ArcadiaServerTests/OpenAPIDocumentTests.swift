import ArcadiaCore
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
            #expect(Set(paths.keys) == ["/api/health", "/api/v1/inventory", "/api/v1/billing/balance", "/api/v1/billing/cost-lines",
                                        "/api/v1/drift", "/api/v1/drift/{id}/accept", "/api/v1/invoices", "/api/v1/invoices/{id}",
                                        "/api/v1/margin"])
            for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
                for (method, operation) in operations {
                    let operation = try #require(operation as? [String: Any])
                    let documented = Set((operation["responses"] as? [String: Any] ?? [:]).keys)
                    let uri = path.replacingOccurrences(of: "{id}", with: path.contains("drift") ? "2" : "1")
                    let client = path.hasPrefix("/api/v1/invoices") || path == "/api/v1/margin" ? invoiceClient : driftClient
                    let response = try await client.execute(uri: uri, method: try #require(HTTPRequest.Method(method.uppercased())),
                                                            headers: [.authorization: "Bearer \(admin)"])
                    #expect(documented.contains(String(response.status.code)), "\(method) \(path) answered \(response.status.code)")
                    guard response.status == .ok else {
                        Issue.record("\(method) \(path) answered \(response.status.code): \(response.text)")
                        continue
                    }
                    let schema = try #require(spec.okSchema(operation), "\(method) \(path)")
                    let body = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
                    spec.expectKeys(body, match: schema, at: "\(method) \(path)")
                }
            }
        } }
    }

    /// Just enough of OpenAPI to compare key sets: `$ref`, `allOf`, object `properties`, array `items`.
    struct Spec {
        let document: [String: Any]

        func okSchema(_ operation: [String: Any]) -> [String: Any]? {
            let ok = (operation["responses"] as? [String: Any])?["200"] as? [String: Any]
            let json = ((ok?["content"] as? [String: Any])?["application/json"]) as? [String: Any]
            return (json?["schema"] as? [String: Any]).map(resolve)
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
