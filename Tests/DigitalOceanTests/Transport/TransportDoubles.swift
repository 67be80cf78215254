import DigitalOcean
import Foundation
import Synchronization

/// Records every wait instead of waiting, so retry tests assert exact durations in no time.
final class RecordingSleeper: Sendable {
    private let recorded = Mutex<[Duration]>([])
    var waits: [Duration] { recorded.withLock { $0 } }
    var sleeper: Sleeper { Sleeper { [self] duration in recorded.withLock { $0.append(duration) } } }
}

/// Answers each request with the next scripted outcome (the last one repeats), counting sends.
final class ScriptedTransport: Transport {
    enum Step: Sendable {
        case status(Int, headers: [String: String] = [:])
        case unreachable
    }

    private let state: Mutex<(steps: [Step], sent: Int)>

    init(_ steps: [Step]) { state = Mutex((steps, 0)) }

    var sent: Int { state.withLock { $0.sent } }

    func send(_ request: APIRequest) async throws -> APIResponse {
        let step = state.withLock { state in
            defer { state.sent += 1 }
            return state.steps[min(state.sent, state.steps.count - 1)]
        }
        switch step {
        case .status(let status, let headers):
            return APIResponse(status: status, headers: headers, body: Data("{\"status\":\(status)}".utf8))
        case .unreachable:
            throw HTTPTransportError(detail: "no answer from http://127.0.0.1:1: connection refused")
        }
    }
}
