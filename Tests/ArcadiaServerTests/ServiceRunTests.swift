import ArcadiaServer
import DigitalOcean
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Testing

/// `ArcadiaService.run`, the entry point `arcadia serve` uses (host, port 0, the bound port
/// reported), answering a plain URLSession client over loopback.
@Suite(.timeLimit(.minutes(2))) struct ServiceRunTests {
    static let now = Timestamp(year: 2026, month: 5, day: 2)

    @Test func theServiceRunsOnAFreePortAndAnswersAnHTTPClient() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now, tenants: true)
        let token = try await harness.tenantToken("pilot")
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await harness.service.run(host: "127.0.0.1", port: 0, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) {
                    continuation.yield($0)
                }
            }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let session = URLSession(configuration: .ephemeral)
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/inventory?kind=droplet")!)
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            let (data, response) = try await session.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            let names = try JSONDecoder().decode(Page.self, from: data).items.map(\.name)
            #expect(names == ["api-prod-1", "web-1"])
            let (_, health) = try await session.data(from: URL(string: "http://127.0.0.1:\(port)/api/health")!)
            #expect((health as? HTTPURLResponse)?.statusCode == 200)
            group.cancelAll()
        }
    }

    private struct Page: Decodable {
        struct Item: Decodable { var name: String }
        var items: [Item]
    }
}
