import DigitalOcean
import Foundation
import Testing

@Suite struct URLSessionTransportTests {
    @Test func buildsTheURLFromTheRootThePathAndTheQueryInOrder() throws {
        let transport = URLSessionTransport(baseURL: try #require(URL(string: "http://127.0.0.1:8080/")))
        let request = APIRequest(path: "/v2/droplets", query: [QueryItem("page", "2"), QueryItem("per_page", "200"),
                                                               QueryItem("tag_name", "env:prod x")])
        #expect(transport.url(for: request)?.absoluteString == "http://127.0.0.1:8080/v2/droplets?page=2&per_page=200&tag_name=env:prod%20x")
        #expect(transport.url(for: APIRequest(path: "/v2/account"))?.absoluteString == "http://127.0.0.1:8080/v2/account")
    }

    @Test func aRefusedConnectionIsATransportErrorWithoutTheToken() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let transport = URLSessionTransport(baseURL: try #require(URL(string: "http://127.0.0.1:1")), timeout: .seconds(5))
        let token = "dop_v1_RECOGNISABLE_SECRET_1234"
        let client = DigitalOceanClient(transport: transport, token: token)
        do {
            _ = try await client.droplets()
            Issue.record("expected a failure")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("transport failed"))
            #expect(text.contains("127.0.0.1:1"))
            #expect(!text.contains(token))
            #expect(!String(reflecting: error).contains(token))
        }
    }
}
