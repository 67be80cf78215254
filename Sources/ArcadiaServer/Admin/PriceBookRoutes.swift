import ArcadiaCore
import Hummingbird

/// Price books (platform admins only): the stored books, and a new one sent as
/// `application/yaml` or as `application/json` with the same keys, read by the one parser and
/// written whole by `PriceBookStore`, the store a scenario's `pricebooks:` goes through. Two books
/// may not be effective from the same date (409).
struct PriceBookRoutes {
    let ledger: Ledger
    let reader: PriceBookReader

    static let contentTypes = ["application/yaml", "application/x-yaml", "text/yaml", "application/json"]

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("price-books") { request, context in try await list(request, context) }
        group.post("price-books") { request, context in try await add(request, context) }
    }

    private func list(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        let query = try QueryParameters(request.uri.query, allowed: ["limit", "offset"])
        let page = try query.page()
        return JSONResponse(.page(QueryPage(slicing: try PriceBookStore(ledger: ledger).all(), request: page), \.json))
    }

    private func add(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        let text = try await JSONBody.text(request, accepting: Self.contentTypes)
        let book: PriceBook
        do {
            book = try reader.read(text)
        } catch {
            throw APIError.invalidBody(error.field, error.message)
        }
        let store = PriceBookStore(ledger: ledger)
        do {
            _ = try store.write(book, source: "admin API")
        } catch let error as PriceBookStoreError {
            var conflict = APIError.conflict(error.description)
            if case .effectiveDateTaken = error { conflict.field = "effective_from" } else { conflict.field = "plans" }
            throw conflict
        }
        guard let stored = try store.all().first(where: { $0.book.effectiveFrom == book.effectiveFrom }) else {
            throw APIError.internalError
        }
        return JSONResponse(stored.json, status: .created)
    }
}
