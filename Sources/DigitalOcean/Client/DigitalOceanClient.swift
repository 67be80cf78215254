import Foundation

/// DO API client over any `Transport`: real HTTP in production, the fake's in-process transport in
/// the simulator. The sync engines talk to DO only through this type.
public struct DigitalOceanClient: Sendable {
    public let transport: any Transport
    /// Page size for listings; DO's maximum is 200, which keeps request counts (and rate-limit
    /// spend) lowest.
    public let perPage: Int
    /// Stops a listing whose `next` link never ends (a server bug) instead of looping forever.
    public static let maxPages = 10_000
    private let token: String
    private let itemMemo: ItemMemo?

    /// With an `itemMemo`, a listed item whose JSON bytes are unchanged since the last complete
    /// listing is not decoded again (the simulator re-lists a mostly unchanged world all year).
    public init(transport: any Transport, token: String, perPage: Int = 200, itemMemo: ItemMemo? = nil) {
        self.transport = transport
        self.token = token
        self.perPage = perPage
        self.itemMemo = itemMemo
    }

    // MARK: Endpoints

    public func droplets(tagName: String? = nil) async throws -> Listing<Droplet> {
        try await list(.droplets, query: tagName.map { [QueryItem("tag_name", $0)] } ?? [])
    }

    public func droplet(id: Int) async throws -> Droplet {
        try await get(path: "/v2/droplets/\(id)", key: "droplet")
    }

    public func sizes() async throws -> Listing<Size> {
        try await list(path: "/v2/sizes", key: "sizes")
    }

    public func volumes() async throws -> Listing<Volume> {
        try await list(.volumes)
    }

    public func reservedIPs() async throws -> Listing<ReservedIP> {
        try await list(.reservedIPs)
    }

    /// The pre-2022 name of the same resource; DO still serves it.
    public func floatingIPs() async throws -> Listing<ReservedIP> {
        try await list(path: "/v2/floating_ips", key: "floating_ips")
    }

    /// Droplet and volume snapshots; `resourceType` (`droplet` or `volume`) filters as DO does.
    public func snapshots(resourceType: String? = nil) async throws -> Listing<Snapshot> {
        try await list(.snapshots, query: resourceType.map { [QueryItem("resource_type", $0)] } ?? [])
    }

    /// A droplet's backups: images of `type` `backup`, with integer ids (godo decodes them as images).
    public func dropletBackups(dropletID: Int) async throws -> Listing<Image> {
        try await list(.dropletBackups(dropletID: dropletID))
    }

    public func firewalls() async throws -> Listing<Firewall> {
        try await list(.firewalls)
    }

    public func loadBalancers() async throws -> Listing<LoadBalancer> {
        try await list(.loadBalancers)
    }

    public func domains() async throws -> Listing<Domain> {
        try await list(.domains)
    }

    public func projects() async throws -> Listing<Project> {
        try await list(.projects)
    }

    /// `projectID` may be `default`, which DO accepts in place of the default project's id.
    public func project(id: String) async throws -> Project {
        try await get(path: "/v2/projects/\(id)", key: "project")
    }

    public func projectResources(projectID: String) async throws -> Listing<ProjectResource> {
        try await list(.projectResources(projectID: projectID))
    }

    // MARK: Generic requests

    /// Fetches every page of a list endpoint the way godo does: `page=1&per_page=N`, then page+1
    /// while `links.pages.next` is present. Throws unless the listing is complete and consistent.
    public func list<Item: Decodable & Sendable>(path: String, key: String, query: [QueryItem] = []) async throws -> Listing<Item> {
        try await list(path: path, key: key, query: query, transform: { $0 }) { _, _ in }
    }

    /// `list` of one of DO's endpoints.
    public func list<Item: Decodable & Sendable>(_ endpoint: ListEndpoint, query: [QueryItem] = []) async throws -> Listing<Item> {
        try await list(path: endpoint.path, key: endpoint.key, query: query)
    }

    /// `list`, turning each item into what the caller keeps. With an item memo, an element whose
    /// bytes are unchanged since the last complete listing is neither decoded nor transformed
    /// again: the caller gets the very value it got then (its storage shared, so comparing it with
    /// the last one is cheap). So `transform` must depend on nothing but the item and the request.
    public func list<Item: Decodable & Sendable, Output: Sendable>(
        _ endpoint: ListEndpoint, decoding: Item.Type, transform: (Item) -> Output
    ) async throws -> Listing<Output> {
        try await list(path: endpoint.path, key: endpoint.key, query: [], transform: transform) { _, _ in }
    }

    /// `list`, also handing page 1's response to `firstPage`, for envelopes that carry more than
    /// the items (the invoice list's `invoice_preview`).
    func list<Item: Decodable & Sendable>(
        path: String, key: String, query: [QueryItem] = [],
        firstPage: (APIResponse, APIRequest) throws(DigitalOceanError) -> Void
    ) async throws -> Listing<Item> {
        try await list(path: path, key: key, query: query, transform: { $0 }, firstPage: firstPage)
    }

    private func list<Item: Decodable & Sendable, Output: Sendable>(
        path: String, key: String, query: [QueryItem], transform: (Item) -> Output,
        firstPage: (APIResponse, APIRequest) throws(DigitalOceanError) -> Void
    ) async throws -> Listing<Output> {
        let named = APIRequest(path: path, query: query).summary
        let memoKey = "\(Item.self) -> \(Output.self) \(named)"
        var memoized = itemMemo.map { MemoizedPages<Item, Output>(remembered: $0.previous(memoKey), memo: $0) }
        var items: [Output] = []
        var total: Int?
        var rateLimit: RateLimit?
        var page = 1
        while true {
            guard page <= Self.maxPages else {
                throw DigitalOceanError.inconsistentListing(request: named, detail: "more than \(Self.maxPages) pages")
            }
            let request = APIRequest(path: path, query: [QueryItem("page", String(page)), QueryItem("per_page", String(perPage))] + query)
            let decoded: DecodedPage<Output>
            do throws(DigitalOceanError) {
                let response = try await send(request)
                rateLimit = RateLimit(headers: response.headers)
                if page == 1 { try firstPage(response, request) }
                if memoized != nil {
                    decoded = try memoized!.page(page, key: key, body: response.body, request: request, transform: transform)
                } else {
                    decoded = DecodedPage(try decode(ListEnvelope<Item>.self, key: key, response: response, request: request), transform: transform)
                }
            } catch {
                throw DigitalOceanError.listingFailed(request: request.summary, page: page, cause: error)
            }
            if page == 1 {
                total = decoded.total
            } else if decoded.total != total {
                throw DigitalOceanError.inconsistentListing(
                    request: named, detail: "meta.total was \(describe(total)) on page 1 but \(describe(decoded.total)) on page \(page)")
            }
            items += decoded.items
            guard decoded.hasNext else { break }
            page += 1
        }
        if let total, items.count != total {
            throw DigitalOceanError.inconsistentListing(
                request: named, detail: "\(items.count) items over \(page) pages but meta.total is \(total)")
        }
        if let memoized { itemMemo?.remember(memoKey, pages: memoized.current) }
        return Listing(items: items, pageCount: page, total: total, rateLimit: rateLimit, repeatsLast: memoized?.repeatsLast ?? false)
    }

    /// One object wrapped as `{"<key>": {...}}`.
    public func get<Item: Decodable & Sendable>(path: String, key: String, query: [QueryItem] = []) async throws -> Item {
        let request = APIRequest(path: path, query: query)
        let response = try await send(request)
        return try decode(SingleEnvelope<Item>.self, key: key, response: response, request: request).item
    }

    /// Sends with auth headers; any non-2xx becomes `DigitalOceanError.api` and any transport
    /// failure `DigitalOceanError.transport`, so callers see one error type.
    public func send(_ request: APIRequest) async throws(DigitalOceanError) -> APIResponse {
        var request = request
        request.headers["authorization"] = "Bearer \(token)"
        if request.headers["accept"] == nil { request.headers["accept"] = "application/json" }
        let response: APIResponse
        do {
            response = try await transport.send(request)
        } catch let error as DigitalOceanError {
            throw error
        } catch {
            throw .transport(request: request.summary, detail: String(describing: error))
        }
        guard (200..<300).contains(response.status) else {
            throw .api(Self.failure(for: response, request: request).redacting(token))
        }
        return response
    }

    private func decode<T: Decodable>(_ type: T.Type, key: String, response: APIResponse, request: APIRequest) throws(DigitalOceanError) -> T {
        do {
            return try EnvelopeDecoder.decode(type, key: key, from: response.body)
        } catch {
            throw .decoding(request: request.summary, detail: EnvelopeDecoder.explain(error))
        }
    }

    /// Decodes DO's error body when there is one; otherwise keeps the raw body as the message.
    static func failure(for response: APIResponse, request: APIRequest) -> APIFailure {
        let headerID = response.headers["x-request-id"]
        let retryAfter = response.headers["retry-after"].flatMap { Int($0.trimmingSpaces) }
        if let body = try? JSONDecoder().decode(ErrorBody.self, from: response.body) {
            return APIFailure(request: request.summary, status: response.status, id: body.id, message: body.message,
                              requestID: body.requestID ?? headerID, retryAfter: retryAfter)
        }
        let raw = String(decoding: response.body, as: UTF8.self)
        return APIFailure(request: request.summary, status: response.status, id: nil, message: raw,
                          requestID: headerID, retryAfter: retryAfter)
    }
}

private func describe(_ total: Int?) -> String {
    total.map(String.init) ?? "absent"
}
