import DigitalOcean
import Foundation
import Testing

/// A server that echoes the request into its error body must not carry the token into error text.
@Suite struct TokenRedactionTests {
    private struct EchoingTransport: Transport {
        func send(_ request: APIRequest) async throws -> APIResponse {
            let echo = "gateway refused: authorization=\(request.headers["authorization"] ?? "")"
            return APIResponse(status: 502, headers: ["x-request-id": echo], body: Data(echo.utf8))
        }
    }

    @Test func anEchoedTokenIsRedactedFromTheFailure() async {
        let secret = "dop_v1_RECOGNISABLE_SECRET_0123456789abcdef"
        let client = DigitalOceanClient(transport: EchoingTransport(), token: secret)
        do {
            _ = try await client.send(APIRequest(path: "/v2/droplets"))
            Issue.record("expected a 502")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("Bearer [redacted]"))
            #expect(!text.contains(secret))
            #expect(!String(reflecting: error).contains(secret))
        }
    }
}
