import ArcadiaCore
import DigitalOcean
import Foundation
import MoneyAndTime
import Synchronization

/// A clock the test moves.
final class SettableClock: Sendable {
    private let time: Mutex<Timestamp>
    init(_ start: Timestamp) { time = Mutex(start) }
    func set(_ value: Timestamp) { time.withLock { $0 = value } }
    var engineClock: EngineClock { EngineClock { self.time.withLock { $0 } } }
}

/// A usage source answering fixed quantities per deployment and recording every question, so a
/// test sees which windows the rollup asked for.
final class FakeUsage: Sendable {
    struct Question: Equatable {
        var deploymentID: Int64
        var from: Timestamp
        var to: Timestamp
    }

    private let state = Mutex<(answers: [Int64: [BillingKind: Decimal]], questions: [Question], failing: Set<Int64>)>(([:], [], []))

    func answer(_ deploymentID: Int64, _ usage: [BillingKind: String]) {
        state.withLock { $0.answers[deploymentID] = usage.mapValues { Decimal(string: $0)! } }
    }

    func fail(_ deploymentID: Int64) { state.withLock { _ = $0.failing.insert(deploymentID) } }

    var questions: [Question] { state.withLock { $0.questions } }

    var source: UsageSource {
        UsageSource { deployment, from, to in
            try self.state.withLock { state in
                state.questions.append(Question(deploymentID: deployment, from: from, to: to))
                if state.failing.contains(deployment) { throw FakeUsageError.unavailable(deployment) }
                return state.answers[deployment] ?? [:]
            }
        }
    }
}

enum FakeUsageError: Error, CustomStringConvertible {
    case unavailable(Int64)
    var description: String {
        switch self {
        case .unavailable(let id): return "usage of deployment \(id) is unavailable"
        }
    }
}
