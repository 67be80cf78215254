import ArcadiaCore
import DigitalOcean
import HTTPTypes
import MoneyAndTime
import Testing

@Suite(.timeLimit(.minutes(2))) struct HealthAndRoutingTests {
    static let now = Timestamp(year: 2026, month: 5, day: 2)

    @Test func healthNeedsNoTokenAndNamesTheServiceAndVersion() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        try await harness.test { client async throws in
            let response = try await client.get("/api/health", token: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.text == #"{"service":"arcadia-cloud","status":"ok","version":"1.0.0"}"#)
        }
    }

    @Test func anUnknownRouteIsA404InTheErrorShape() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        try await harness.test { client async throws in
            let response = try await client.get("/api/v2/nothing", token: nil)
            #expect(response.status == .notFound)
            #expect(try response.json["error"]?["status"]?.int == 404)
            #expect(try response.json["error"]?["code"]?.string == "not_found")
            #expect(try response.json["error"]?["message"]?.string == "no route GET /api/v2/nothing")
        }
    }

    /// The router finds no route for a method a path does not take before any route's middleware
    /// runs: the token is still checked first, and the 404 is worded as for an unknown path.
    @Test func aMethodARouteDoesNotTakeIsA401WithoutATokenAndA404WithOne() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            for (method, uri) in [(HTTPRequest.Method.delete, "/api/v1/tenants"), (.put, "/api/v1/inventory"), (.get, "/api/v1/drift/1/accept"),
                                  (.patch, "/api/v1/invoices/1")] {
                let anonymous = try await client.execute(uri: uri, method: method, headers: [:])
                #expect(anonymous.status == .unauthorized, "\(method) \(uri): \(anonymous.text)")
                #expect(anonymous.headers[.wwwAuthenticate] == #"Bearer realm="arcadia""#)
                let known = try await client.execute(uri: uri, method: method, headers: [.authorization: "Bearer \(admin)"])
                #expect(known.status == .notFound, "\(method) \(uri)")
                #expect(try known.json["error"]?["code"]?.string == "not_found")
                #expect(try known.json["error"]?["message"]?.string == "no route \(method) \(uri)")
            }
            let health = try await client.execute(uri: "/api/health", method: .post, headers: [:])
            #expect(try health.status == .notFound && health.json["error"]?["message"]?.string == "no route POST /api/health",
                    "outside /api/v1 no token is needed, for a route or its absence")
        }
    }

    @Test func anUnknownRouteUnderV1IsA401WithoutATokenAndA404WithOne() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            for uri in ["/api/v1/nothing", "/api/v1/admin/secret/route"] {
                #expect(try await client.get(uri, token: nil).status == .unauthorized, "no route enumeration without credentials")
                let known = try await client.get(uri, token: admin)
                #expect(known.status == .notFound)
                #expect(try known.json["error"]?["code"]?.string == "not_found")
                #expect(try known.json["error"]?["message"]?.string == "no route GET \(uri)")
            }
            let post = try await client.execute(uri: "/api/v1/nothing", method: .post, headers: [:])
            #expect(post.status == .unauthorized)
        }
    }

    /// HEAD mirrors GET wherever GET is answered (RFC 9110 §9.3.2), errors included: the same status
    /// and headers, `Content-Length` the GET's, and not a byte of body (read raw, as it is sent).
    @Test func headIsAnsweredWhereverGetIsWithTheSameHeadersAndNoBody() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            for (uri, token, status) in [("/api/health", nil, 200), ("/api/v1/inventory?limit=2", admin, 200), ("/api/v1/inventory", nil, 401),
                                         ("/api/v1/inventory?limit=-1", admin, 400), ("/api/v1/drift/1/accept", admin, 404)] {
                let get = try await client.get(uri, token: token)
                #expect(get.status.code == status, "GET \(uri)")
                let raw = try RawConnection(port: client.port, receiveTimeoutSeconds: 20)
                let authorization = token.map { "Authorization: Bearer \($0)\r\n" } ?? ""
                try raw.send("HEAD \(uri) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(authorization)Connection: close\r\n\r\n")
                let answer = raw.readAll()
                let (head, body) = (answer.components(separatedBy: "\r\n\r\n").first ?? "", answer.components(separatedBy: "\r\n\r\n").dropFirst())
                #expect(head.hasPrefix("HTTP/1.1 \(status) "), "HEAD \(uri): \(answer)")
                #expect(body.joined().isEmpty && answer.hasSuffix("\r\n\r\n"), "HEAD \(uri) sent a body: \(answer)")
                let fields = head.lowercased()
                #expect(fields.contains("\r\ncontent-length: \(get.body.count)"), "HEAD \(uri): \(answer)")
                #expect(fields.contains("\r\ncontent-type: application/json; charset=utf-8"), "HEAD \(uri): \(answer)")
                #expect(fields.contains("\r\nwww-authenticate: ") == (status == 401), "HEAD \(uri): \(answer)")
            }
        }
    }

    @Test func healthTakesNoParameters() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        try await harness.test { client async throws in
            let response = try await client.get("/api/health?verbose=1", token: nil)
            #expect(response.status == .badRequest)
            #expect(try response.json["error"]?["parameter"]?.string == "verbose")
        }
    }
}
