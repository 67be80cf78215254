import DigitalOcean
import Foundation
import MoneyAndTime

/// The request pipeline in front of the router, in DO's order of concerns: authenticate, then
/// injected faults (which do not count toward rate limits), then rate limits, then the resource.
/// Every response carries DO's content type, rate-limit headers and a deterministic request id.
struct FakeAPI {
    let seed: UInt64
    /// The `authorization` header DO accepts: `Bearer` and the token.
    let authorization: String
    var rateLimiter = RateLimiter()
    var faults = FaultPlan()
    var csvFaults = CSVFaultPlan()
    private var router: FakeRouter
    private(set) var requestCount = 0
    /// Requests seen at the current virtual instant, by summary: a retry of the same request at the
    /// same instant gets its own id.
    private var repeatsAtInstant: (instant: Timestamp, counts: [String: UInt64])?

    init(seed: UInt64, token: String, keepsResponses: Bool) {
        self.seed = seed
        authorization = "Bearer \(token)"
        router = FakeRouter(cache: ResponseCache(keeps: keepsResponses))
    }

    /// The response, and the world change an injected `shiftAfterServing` fault makes once it is served.
    /// `changes` are the world changes a successful write made.
    mutating func respond(to request: APIRequest, origin: String?, world: inout FakeWorld)
        -> (response: APIResponse, shift: ListingShift?, changes: [FakeWorldChange]) {
        let fault = takeFault(for: request)
        var changes: [FakeWorldChange] = []
        let response = respond(to: request, origin: origin, world: &world, fault: fault, changes: &changes)
        guard case .shiftAfterServing(let shift)? = fault, response.status == 200 else { return (response, nil, changes) }
        return (response, shift, changes)
    }

    /// Faults match authenticated requests only: DO authenticates before anything else happens.
    private mutating func takeFault(for request: APIRequest) -> FaultAction? {
        guard request.headers["authorization"] == authorization else { return nil }
        let page = request.queryValue("page").flatMap { Int($0) } ?? 1
        return faults.take(path: request.path, page: page)
    }

    private mutating func respond(to request: APIRequest, origin: String?, world: inout FakeWorld, fault: FaultAction?,
                                  changes: inout [FakeWorldChange]) -> APIResponse {
        requestCount += 1
        let now = world.now
        // The request's name, written once: its id and the router's cache keys are made from it.
        let summary = request.summary
        let requestID = nextRequestID(for: summary, at: now)
        guard request.headers["authorization"] == authorization else {
            return error(401, requestID: requestID, headers: rateLimiter.headers(at: now))
        }
        if case .status(let status)? = fault {
            var headers = rateLimiter.headers(at: now)
            if status == 429 { headers["retry-after"] = rateLimiter.retryAfter(30) }
            return error(status, requestID: requestID, headers: headers)
        }
        let decision = rateLimiter.decide(at: now)
        switch decision {
        case .allowed:
            break
        case .hourlyExhausted:
            return error(429, requestID: requestID, headers: rateLimiter.headers(at: now, decision: decision))
        case .burstExhausted(let retryAfter):
            var headers = rateLimiter.headers(at: now, decision: decision)
            headers["retry-after"] = rateLimiter.retryAfter(retryAfter)
            return error(429, requestID: requestID, headers: headers)
        }
        rateLimiter.record(at: now)
        let headers = rateLimiter.headers(at: now)
        let outcome: FakeRouter.Outcome
        if ["POST", "PUT", "PATCH", "DELETE"].contains(request.method) {
            let written = router.routeWrite(request, origin: origin ?? FakePaginator.apiRoot, world: &world)
            outcome = written.0
            changes = written.1
        } else {
            outcome = router.route(request, summary: summary, origin: origin ?? FakePaginator.apiRoot, world: world, csvFaults: &csvFaults)
        }
        switch outcome {
        case .written(let status, let body):
            return APIResponse(status: status, headers: Self.common(headers, requestID), body: body ?? Data())
        case .body(let body), .timeDependent(let body):
            switch fault {
            case .truncatedBody?:
                return APIResponse(status: 200, headers: Self.common(headers, requestID), body: body.prefix(body.count / 2))
            case .notJSONBody?:
                return APIResponse(status: 200, headers: headers.merging(["content-type": "text/html", "x-request-id": requestID]) { $1 },
                                   body: Data("<html><body><h1>502 Bad Gateway</h1></body></html>\n".utf8))
            case .status?, .shiftAfterServing?, nil:
                return APIResponse(status: 200, headers: Self.common(headers, requestID), body: body)
            }
        case .csv(let body, let filename):
            let csvHeaders = ["content-type": "text/csv", "content-disposition": "attachment; filename=\"\(filename)\"",
                              "x-request-id": requestID]
            return APIResponse(status: 200, headers: headers.merging(csvHeaders) { $1 }, body: body)
        case .failure(let status, let message):
            return error(status, message: message, requestID: requestID, headers: headers)
        }
    }

    /// A request id that depends only on the seed, the virtual instant and the request itself (not
    /// on how many requests came before), so a run that skips settled syncs records the same ids.
    private mutating func nextRequestID(for summary: String, at now: Timestamp) -> String {
        if repeatsAtInstant?.instant != now { repeatsAtInstant = (now, [:]) }
        let ordinal = repeatsAtInstant!.counts[summary, default: 0]
        repeatsAtInstant!.counts[summary] = ordinal + 1
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in summary.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let high = SeededGenerator.mix(seed ^ SeededGenerator.mix(hash &+ ordinal) ^ SeededGenerator.mix(UInt64(bitPattern: now.seconds)))
        return DeterministicFormat.uuid(high, SeededGenerator.mix(high &+ 0x9E37_79B9_7F4A_7C15))
    }

    private func error(_ status: Int, message: String? = nil, requestID: String, headers: [String: String]) -> APIResponse {
        let known = ErrorCatalogue.error(status: status)
        let body = router.encode(ErrorBody(id: known.id, message: message ?? known.message, requestID: requestID))
        return APIResponse(status: status, headers: Self.common(headers, requestID), body: body)
    }

    /// `headers` with DO's JSON content type and the request id.
    private static func common(_ headers: [String: String], _ requestID: String) -> [String: String] {
        var headers = headers
        headers["content-type"] = "application/json; charset=utf-8"
        headers["x-request-id"] = requestID
        return headers
    }
}
