import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// A resource's history as the inventory observed it, rebuilt from the ledger (`cloud_resources`
/// and its `cloud_resource_events`), never from the provider: the state a sync saw holds from
/// that sync until the next sync saw something else.
///
/// - It exists from its first sighting (`first_seen_at`) until it was last known to exist, which
///   its `stale` event records (the first listing that missed it, or the first failed listing of an
///   outage before that), and again from a `revived`.
/// - Its status and size start as the first sighting saw them (the `old_value` of the first
///   `changed` event for that field, or the current value when it never changed) and move at each
///   `changed` event.
/// - Its project starts as the `old_value` of its first `attributed` event (or its current project
///   when it was never attributed by an event) and moves at each `attributed` event.
struct ObservedTimeline {
    struct State: Equatable {
        var present: Bool
        var status: String
        /// `size_gigabytes` as displayed in the ledger (nil when the resource has none).
        var size: String?
    }

    /// A stretch of time with one state and one project.
    struct Span: Equatable {
        var start: Timestamp
        var end: Timestamp
        var status: String
        var size: String?
        var project: String?

        var seconds: Int64 { end - start }
    }

    var resourceID: Int64
    var kind: ResourceKind
    var name: String
    var providerID: String
    /// Decoded only for kinds that read them (empty otherwise).
    var attributes: [String: JSONValue]
    /// Each value holds from its instant until the next one; before the first, the resource is absent.
    private(set) var states: [(at: Timestamp, value: State)] = []
    private(set) var projects: [(at: Timestamp, value: String?)] = []
    /// Whether any project was ever recorded for it (a backup that has none follows its droplet).
    var hasOwnProject: Bool { projects.contains { $0.value != nil } }

    /// Metering runs this for every metered resource every day, so the statements are cached and
    /// the attributes JSON is decoded only for kinds that read it (sizes, a backup's droplet).
    static func load(_ db: Database, resourceID: Int64) throws -> ObservedTimeline {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT r.*, p.name AS project FROM cloud_resources r LEFT JOIN cloud_projects p ON p.id = r.project_id WHERE r.id = ?
            """), arguments: [resourceID])!
        let resource = try CloudResource(row: row)
        let readsAttributes = MeteredKinds.table[resource.kind].map { $0.measure == .gigabyteMonths || $0.followsParentDroplet } ?? true
        let attributes = readsAttributes ? resource.attributes : [:]
        let events = try ResourceEvent.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM cloud_resource_events
            WHERE resource_id = ? AND event IN ('changed', 'attributed', 'stale', 'revived') ORDER BY id
            """), arguments: [resourceID])
        let firstStatus = events.first { $0.event == .changed && $0.field == "status" }
        let firstSize = events.first { $0.event == .changed && $0.field == MeteredKinds.sizeAttribute }
        let firstAttribution = events.first { $0.event == .attributed }
        let initialStatus: String = if let firstStatus { firstStatus.oldValue ?? "" } else { resource.status }
        let initialSize: String? = if let firstSize { firstSize.oldValue } else { attributes[MeteredKinds.sizeAttribute]?.display }
        var project: String? = if let firstAttribution { nonEmpty(firstAttribution.oldValue) } else { try row.decode(forColumn: "project") }
        var state = State(present: true, status: initialStatus, size: initialSize)

        var timeline = ObservedTimeline(resourceID: resourceID, kind: resource.kind, name: resource.name,
                                        providerID: resource.providerID, attributes: attributes)
        timeline.states.append((resource.firstSeenAt, state))
        timeline.projects.append((resource.firstSeenAt, project))
        for event in events {
            var at = event.at
            switch (event.event, event.field) {
            case (.changed, "status"?): state.status = event.newValue ?? ""
            case (.changed, MeteredKinds.sizeAttribute?): state.size = event.newValue
            case (.stale, _):
                state.present = false
                // A stale event from before `missing_since` existed ends the resource where it stands.
                if event.field == ResourceEvent.missingSinceField, let since = event.newValue.flatMap({ Timestamp(iso8601: $0) }),
                   let previous = timeline.states.last?.at {
                    at = max(since, previous)
                }
            case (.revived, _): state.present = true
            case (.attributed, _):
                project = nonEmpty(event.newValue)
                timeline.projects.append((event.at, project))
                continue
            default: continue
            }
            timeline.states.append((at, state))
        }
        return timeline
    }

    /// Takes another resource's project history in place of this one's (a backup and its droplet).
    mutating func followProjects(of other: ObservedTimeline) {
        projects = other.projects
    }

    /// The stretches of `[from, to)` during which the resource existed, split wherever its state
    /// or project changed.
    func spans(from: Timestamp, to: Timestamp) -> [Span] {
        var cuts = Set([from, to])
        for change in states where change.at > from && change.at < to { cuts.insert(change.at) }
        for change in projects where change.at > from && change.at < to { cuts.insert(change.at) }
        let bounds = cuts.sorted()
        var spans: [Span] = []
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            guard let state = Self.value(in: states, at: start), state.present else { continue }
            let project = Self.value(in: projects, at: start) ?? nil
            spans.append(Span(start: start, end: end, status: state.status, size: state.size, project: project))
        }
        return spans
    }

    /// The value of the last change at or before `time`; nil before the first.
    private static func value<Value>(in changes: [(at: Timestamp, value: Value)], at time: Timestamp) -> Value? {
        changes.last { $0.at <= time }?.value
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
