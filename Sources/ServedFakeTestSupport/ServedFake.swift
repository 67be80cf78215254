import FakeDigitalOcean
import FakeDigitalOceanServer
import Foundation

/// Serves `fake` on a free loopback port for the duration of `body`, then stops the server; over
/// HTTPS with an `identity`; `prepare` runs before each request, as `fake-do serve --speed` moves
/// its world. A server that fails to start ends the wait for its port, so nothing hangs.
public func withServedFake<T: Sendable>(_ fake: FakeDigitalOcean, identity: ServingIdentity? = nil,
                                        prepare: @escaping @Sendable () throws -> Void = {},
                                        _ body: @Sendable (URL) async throws -> T) async throws -> T {
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { continuation.finish() }
            try await FakeDigitalOceanServer(fake: fake, host: "127.0.0.1", port: 0, identity: identity, prepare: prepare).run { continuation.yield($0) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await group.waitForAll()
            throw ServerDidNotStart()
        }
        do {
            let result = try await body(URL(string: "\(identity == nil ? "http" : "https")://127.0.0.1:\(port)")!)
            group.cancelAll()
            return result
        } catch {
            group.cancelAll()
            throw error
        }
    }
}

public struct ServerDidNotStart: Error {}
