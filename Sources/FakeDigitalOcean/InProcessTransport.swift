import DigitalOcean

/// Hands requests straight to the fake: the simulator's client uses this where production uses
/// HTTP, so everything above the transport is the real code.
public struct InProcessTransport: Transport {
    public let fake: FakeDigitalOcean

    public init(fake: FakeDigitalOcean) {
        self.fake = fake
    }

    public func send(_ request: APIRequest) async throws -> APIResponse {
        fake.respond(to: request)
    }
}
