import Foundation
import MoneyAndTime
import Synchronization
import Testing
import TestSupport
import DigitalOcean

/// Answers each request with a closure and remembers what it was asked.
private final class StubTransport: Transport {
    private let handler: @Sendable (APIRequest) throws -> APIResponse
    private let log = Mutex<[APIRequest]>([])

    init(_ handler: @escaping @Sendable (APIRequest) throws -> APIResponse) {
        self.handler = handler
    }

    var requests: [APIRequest] { log.withLock { $0 } }

    func send(_ request: APIRequest) async throws -> APIResponse {
        log.withLock { $0.append(request) }
        return try handler(request)
    }
}

private struct SocketClosed: Error {}

private let token = "dop_v1_SECRET-TOKEN-0123456789"

/// A `domains` page of `names`, with a `next` link unless it is the last page.
private func domainsPage(_ names: [String], page: Int, lastPage: Int, total: Int) -> APIResponse {
    let items = names.map { #"{"name":"\#($0)","ttl":1800,"zone_file":null}"# }.joined(separator: ",")
    var pages: [String] = []
    if page > 1 { pages.append(#""first":"https://api.digitalocean.com/v2/domains?page=1&per_page=200""#) }
    if page < lastPage { pages.append(#""next":"https://api.digitalocean.com/v2/domains?page=\#(page + 1)&per_page=200""#) }
    let body = #"{"domains":[\#(items)],"links":{"pages":{\#(pages.joined(separator: ","))}},"meta":{"total":\#(total)}}"#
    return APIResponse(status: 200, headers: ["ratelimit-limit": "5000", "ratelimit-remaining": "\(5000 - page)", "ratelimit-reset": "1700000000"],
                       body: Data(body.utf8))
}

private let threePages: [Int: [String]] = [1: ["a.test", "b.test"], 2: ["c.test", "d.test"], 3: ["e.test"]]

@Suite struct DigitalOceanClientTests {
    @Test func walksEveryPageInOrder() async throws {
        let stub = StubTransport { request in
            let page = Int(request.queryValue("page") ?? "") ?? 0
            return domainsPage(threePages[page] ?? [], page: page, lastPage: 3, total: 5)
        }
        let listing = try await DigitalOceanClient(transport: stub, token: token).domains()
        #expect(listing.items.map(\.name) == ["a.test", "b.test", "c.test", "d.test", "e.test"])
        #expect(listing.pageCount == 3 && listing.total == 5)
        #expect(listing.rateLimit == RateLimit(limit: 5000, remaining: 4997, reset: Timestamp(seconds: 1_700_000_000)))
        let requests = stub.requests
        #expect(requests.map { $0.queryValue("page") } == ["1", "2", "3"])
        #expect(requests.allSatisfy { $0.queryValue("per_page") == "200" && $0.path == "/v2/domains" && $0.method == "GET" })
        #expect(requests.allSatisfy { $0.headers["authorization"] == "Bearer \(token)" && $0.headers["accept"] == "application/json" })
    }

    @Test func toleratesMissingAndEmptyLinks() async throws {
        for links in ["", #","links":{}"#, #","links":{"pages":{}}"#] {
            let stub = StubTransport { _ in
                APIResponse(status: 200, body: Data(#"{"domains":[{"name":"a.test","ttl":null,"zone_file":null}]\#(links),"meta":{"total":1}}"#.utf8))
            }
            let listing = try await DigitalOceanClient(transport: stub, token: token).domains()
            #expect(listing.items == [Domain(name: "a.test", ttl: nil, zoneFile: nil)])
            #expect(listing.pageCount == 1 && listing.rateLimit == nil)
            #expect(stub.requests.count == 1)
        }
    }

    @Test func failedPageFailsTheListing() async throws {
        let stub = StubTransport { request in
            let page = Int(request.queryValue("page") ?? "") ?? 0
            if page == 2 {
                return APIResponse(status: 500, headers: ["x-request-id": "req-2"],
                                   body: Data(#"{"id":"server_error","message":"Unexpected server-side error"}"#.utf8))
            }
            return domainsPage(threePages[page] ?? [], page: page, lastPage: 3, total: 5)
        }
        let error = await #expect(throws: DigitalOceanError.self) {
            try await DigitalOceanClient(transport: stub, token: token).domains()
        }
        let failure = APIFailure(request: "GET /v2/domains?page=2&per_page=200", status: 500, id: "server_error",
                                 message: "Unexpected server-side error", requestID: "req-2")
        #expect(error == .listingFailed(request: "GET /v2/domains?page=2&per_page=200", page: 2, cause: .api(failure)))
        #expect(error?.status == 500)
        #expect(stub.requests.count == 2)
    }

    @Test func transportAndDecodingFailuresFailTheListing() async throws {
        let broken = StubTransport { request in
            if request.queryValue("page") == "2" { throw SocketClosed() }
            return domainsPage(threePages[1]!, page: 1, lastPage: 3, total: 5)
        }
        let transportError = await #expect(throws: DigitalOceanError.self) {
            try await DigitalOceanClient(transport: broken, token: token).domains()
        }
        guard case .listingFailed(_, 2, .transport(let request, _)) = transportError else {
            Issue.record("expected a transport failure on page 2, got \(String(describing: transportError))")
            return
        }
        #expect(request == "GET /v2/domains?page=2&per_page=200")

        let garbled = StubTransport { _ in APIResponse(status: 200, body: Data(#"{"domains":[{"ttl":1}],"meta":{"total":1}}"#.utf8)) }
        let decodingError = await #expect(throws: DigitalOceanError.self) {
            try await DigitalOceanClient(transport: garbled, token: token).domains()
        }
        guard case .listingFailed(_, 1, .decoding(_, let detail)) = decodingError else {
            Issue.record("expected a decoding failure on page 1, got \(String(describing: decodingError))")
            return
        }
        #expect(detail.contains("missing key \"name\""))
        #expect(detail.contains("domains[0]"))
    }

    @Test func totalChangingBetweenPagesIsInconsistent() async throws {
        let stub = StubTransport { request in
            let page = Int(request.queryValue("page") ?? "") ?? 0
            return domainsPage(threePages[page] ?? [], page: page, lastPage: 3, total: page == 1 ? 5 : 4)
        }
        let error = await #expect(throws: DigitalOceanError.self) {
            try await DigitalOceanClient(transport: stub, token: token).domains()
        }
        #expect(error == .inconsistentListing(request: "GET /v2/domains", detail: "meta.total was 5 on page 1 but 4 on page 2"))
    }

    @Test func itemCountDifferentFromTotalIsInconsistent() async throws {
        let stub = StubTransport { request in
            let page = Int(request.queryValue("page") ?? "") ?? 0
            return domainsPage(page == 2 ? ["c.test"] : threePages[page] ?? [], page: page, lastPage: 3, total: 5)
        }
        let error = await #expect(throws: DigitalOceanError.self) {
            try await DigitalOceanClient(transport: stub, token: token).domains()
        }
        #expect(error == .inconsistentListing(request: "GET /v2/domains", detail: "4 items over 3 pages but meta.total is 5"))
    }

    @Test func decodesNotFoundBody() async throws {
        let stub = StubTransport { _ in
            APIResponse(status: 404, headers: ["x-request-id": "from-header"],
                        body: Data(#"{"id":"not_found","message":"The resource you requested could not be found.","request_id":"from-body"}"#.utf8))
        }
        let error = await #expect(throws: DigitalOceanError.self) {
            try await DigitalOceanClient(transport: stub, token: token).droplet(id: 42)
        }
        let failure = APIFailure(request: "GET /v2/droplets/42", status: 404, id: "not_found",
                                 message: "The resource you requested could not be found.", requestID: "from-body")
        #expect(error == .api(failure))
        #expect(error?.description == #"GET /v2/droplets/42: 404 not_found (request "from-body") The resource you requested could not be found."#)
    }

    @Test func keepsNonJSONBodyVerbatim() async throws {
        let html = "<html><body>502 Bad Gateway</body></html>"
        let stub = StubTransport { _ in APIResponse(status: 502, headers: ["x-request-id": "abc-123"], body: Data(html.utf8)) }
        let error = await #expect(throws: DigitalOceanError.self) {
            try await DigitalOceanClient(transport: stub, token: token).droplet(id: 7)
        }
        #expect(error == .api(APIFailure(request: "GET /v2/droplets/7", status: 502, id: nil, message: html, requestID: "abc-123")))
    }

    @Test func readsRetryAfterOn429() async throws {
        let stub = StubTransport { _ in
            APIResponse(status: 429, headers: ["retry-after": "29"], body: Data(#"{"id":"too_many_requests","message":"API rate limit exceeded."}"#.utf8))
        }
        let error = await #expect(throws: DigitalOceanError.self) {
            try await DigitalOceanClient(transport: stub, token: token).droplet(id: 7)
        }
        guard case .api(let failure) = error else {
            Issue.record("expected an API failure")
            return
        }
        #expect(failure.retryAfter == 29 && failure.id == "too_many_requests" && failure.requestID == nil)
    }

    @Test func getsOneDroplet() async throws {
        let fixture = try Fixture.data("droplets_list.json")
        let object = try #require(try JSONSerialization.jsonObject(with: fixture) as? [String: Any])
        let first = try #require((object["droplets"] as? [Any])?.first)
        let body = try JSONSerialization.data(withJSONObject: ["droplet": first])
        let stub = StubTransport { _ in APIResponse(status: 200, body: body) }
        let droplet = try await DigitalOceanClient(transport: stub, token: token).droplet(id: 3164444)
        #expect(droplet.id == 3164444 && droplet.name == "example.com")
        #expect(stub.requests.map(\.summary) == ["GET /v2/droplets/3164444"])
    }

    @Test func tokenNeverAppearsInErrors() async throws {
        var errors: [DigitalOceanError] = []
        let stubs: [StubTransport] = [
            StubTransport { _ in APIResponse(status: 401, body: Data(#"{"id":"unauthorized","message":"Unable to authenticate you."}"#.utf8)) },
            StubTransport { _ in throw SocketClosed() },
            StubTransport { _ in APIResponse(status: 200, body: Data("not json".utf8)) },
            StubTransport { request in
                let page = Int(request.queryValue("page") ?? "") ?? 0
                return domainsPage(threePages[page] ?? [], page: page, lastPage: 3, total: page)
            },
        ]
        for stub in stubs {
            do {
                _ = try await DigitalOceanClient(transport: stub, token: token).domains()
            } catch let error as DigitalOceanError {
                errors.append(error)
            }
        }
        #expect(errors.count == 4)
        for error in errors {
            #expect(!error.description.contains("SECRET"))
            #expect(!String(reflecting: error).contains("SECRET"))
            #expect(!"\(error)".contains(token))
        }
    }
}
