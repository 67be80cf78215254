import DigitalOcean
import MoneyAndTime

/// The lives of one kind of billable resource, kept after the resource is gone so any period can
/// be billed afterwards: in the order they began, found by the resource's DO id.
struct KeyedHistory<Life: Sendable>: Sendable {
    private(set) var lives: [Life] = []
    private var positions: [String: Int] = [:]

    /// An id used again (a Spaces bucket re-created under its old name) starts a new life; the
    /// old one is kept and billed for its own time, and `update` reaches only the new one.
    mutating func begin(id: String, _ life: Life) {
        positions[id] = lives.count
        lives.append(life)
    }

    mutating func update(id: String, _ change: (inout Life) -> Void) {
        guard let position = positions[id] else { preconditionFailure("\(id) has no recorded life") }
        change(&lives[position])
    }

    func life(id: String) -> Life? {
        positions[id].map { lives[$0] }
    }
}

/// A value a resource held from `since` until the next change or the end of its life: a load
/// balancer's node count, a bucket's size, whether a reserved IP is assigned.
struct Step<Value: Sendable & Equatable>: Sendable, Equatable {
    let since: Timestamp
    let value: Value
}

/// A resource's life as steps of one billed value, ended by `endedAt`.
struct SteppedLife<Value: Sendable & Equatable>: Sendable {
    let id: String
    /// The latest name and project: DO prints a resource as it is called when the invoice is drawn up.
    var name: String
    var projectName: String
    let startedAt: Timestamp
    private(set) var endedAt: Timestamp?
    private(set) var steps: [Step<Value>]

    init(id: String, name: String, projectName: String, startedAt: Timestamp, value: Value) {
        self.id = id
        self.name = name
        self.projectName = projectName
        self.startedAt = startedAt
        steps = [Step(since: startedAt, value: value)]
    }

    /// Records a new value from `time` on; the same value again is no change.
    mutating func set(_ value: Value, at time: Timestamp) {
        guard steps.last?.value != value else { return }
        if steps.last?.since == time {
            steps[steps.count - 1] = Step(since: time, value: value)
        } else {
            steps.append(Step(since: time, value: value))
        }
    }

    mutating func end(at time: Timestamp) {
        endedAt = time
    }

    /// Each step as `[start, end)`, `end` nil while the resource lives on at that value.
    var stretches: [(value: Value, start: Timestamp, end: Timestamp?)] {
        steps.indices.map { index in
            (steps[index].value, steps[index].since, index + 1 < steps.count ? steps[index + 1].since : endedAt)
        }
    }
}

/// Time within a billing period: stretches clipped to it, their total length, and the span they
/// cover (the invoice line's `start` and `end`).
struct ClippedTime: Sendable, Equatable {
    var seconds: Int64
    var start: Timestamp
    var end: Timestamp

    /// nil when no stretch overlaps the period. Stretches must not overlap each other.
    init?(_ stretches: [(start: Timestamp, end: Timestamp?)], in period: Range<Timestamp>) {
        var seconds: Int64 = 0
        var first: Timestamp?
        var last: Timestamp?
        for stretch in stretches {
            let start = max(stretch.start, period.lowerBound)
            let end = min(stretch.end ?? period.upperBound, period.upperBound)
            guard end > start else { continue }
            seconds += end - start
            first = min(first ?? start, start)
            last = max(last ?? end, end)
        }
        guard let first, let last else { return nil }
        self.seconds = seconds
        start = first
        self.end = last
    }
}
