import Hummingbird

/// Answers HEAD wherever GET is answered (RFC 9110 §9.3.2): the request is routed as the GET it
/// mirrors, through the same authentication and checks, and answered with that GET's status and
/// headers (`Content-Length` included) and no body. One wrapper around the whole router, so no
/// route can forget it, and an error answer loses its body too (HTTP/1.1 may not send one).
struct HeadResponder<Base: HTTPResponder>: HTTPResponder {
    let base: Base

    func respond(to request: Request, context: Base.Context) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        return try await base.respond(to: Request(head: head, body: request.body), context: context).createHeadResponse()
    }
}
