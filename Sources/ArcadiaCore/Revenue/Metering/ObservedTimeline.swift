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
    /// When a resource being missed was last known to exist, and when it went stale: what
    /// `MeteringDeferral` decides by.
    var missingSince: Timestamp?
    var staleAt: Timestamp?
    /// Decoded only for kinds that read them (empty otherwise).
    var attributes: [String: JSONValue]
    /// Each value holds from its instant until the next one; before the first, the resource is absent.
    private(set) var states: [(at: Timestamp, value: State)] = []
    private(set) var projects: [(at: Timestamp, value: String?)] = []
    /// Whether any project was ever recorded for it (a backup that has none follows its droplet).
    var hasOwnProject: Bool { projects.contains { $0.value != nil } }

    /// The timelines of the resources `filter` selects (a condition on `cloud_resources r`), in id
    /// order. Metering loads every candidate of a day at once, so this is two ordered queries (all
    /// their events, then the rows) however many resources, not two per resource; only the columns
    /// a timeline reads are decoded, and the attributes JSON only for kinds that read it (sizes, a
    /// backup's droplet).
    static func load(_ db: Database, where filter: String, arguments: StatementArguments) throws -> [ObservedTimeline] {
        let events = try ResourceEvent.fetchCursor(db.cachedStatement(sql: """
            SELECT e.* FROM cloud_resource_events e JOIN cloud_resources r ON r.id = e.resource_id
            WHERE \(filter) AND e.event IN ('changed', 'attributed', 'stale', 'revived') ORDER BY e.resource_id, e.id
            """), arguments: arguments)
        var eventsByResource: [Int64: [ResourceEvent]] = [:]
        while let event = try events.next() { eventsByResource[event.resourceID, default: []].append(event) }
        let resources = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT r.id, r.kind, r.provider_id, r.name, r.status, r.attributes, r.first_seen_at, r.missing_since, r.stale_at,
                   p.name AS project
            FROM cloud_resources r LEFT JOIN cloud_projects p ON p.id = r.project_id WHERE \(filter) ORDER BY r.id
            """), arguments: arguments)
        var timelines: [ObservedTimeline] = []
        while let row = try resources.next() {
            let id: Int64 = try row.decode(forColumn: CloudResource.Columns.id)
            timelines.append(try ObservedTimeline(id: id, row: row, events: eventsByResource[id] ?? []))
        }
        return timelines
    }

    /// Rebuilds one resource's timeline from its row (the columns `load` selects) and its events in id order.
    private init(id: Int64, row: Row, events: [ResourceEvent]) throws {
        resourceID = id
        kind = try row.decode(forColumn: CloudResource.Columns.kind)
        name = try row.decode(forColumn: CloudResource.Columns.name)
        providerID = try row.decode(forColumn: CloudResource.Columns.providerID)
        missingSince = try row.decode(forColumn: CloudResource.Columns.missingSince)
        staleAt = try row.decode(forColumn: CloudResource.Columns.staleAt)
        let status: String = try row.decode(forColumn: CloudResource.Columns.status)
        let firstSeenAt: Timestamp = try row.decode(forColumn: CloudResource.Columns.firstSeenAt)
        let readsAttributes = MeteredKinds.table[kind].map { $0.measure == .gigabyteMonths || $0.followsParentDroplet } ?? true
        attributes = readsAttributes ? CloudResource.decodeAttributes(try row.decode(forColumn: CloudResource.Columns.attributes)) : [:]
        let firstStatus = events.first { $0.event == .changed && $0.field == "status" }
        let firstSize = events.first { $0.event == .changed && $0.field == MeteredKinds.sizeAttribute }
        let firstAttribution = events.first { $0.event == .attributed }
        let initialStatus: String = if let firstStatus { firstStatus.oldValue ?? "" } else { status }
        let initialSize: String? = if let firstSize { firstSize.oldValue } else { attributes[MeteredKinds.sizeAttribute]?.display }
        var project: String? = if let firstAttribution { Self.nonEmpty(firstAttribution.oldValue) } else { try row.decode(forColumn: "project") }
        var state = State(present: true, status: initialStatus, size: initialSize)

        states.append((firstSeenAt, state))
        projects.append((firstSeenAt, project))
        for event in events {
            var at = event.at
            switch (event.event, event.field) {
            case (.changed, "status"?): state.status = event.newValue ?? ""
            case (.changed, MeteredKinds.sizeAttribute?): state.size = event.newValue
            case (.stale, _):
                state.present = false
                // A stale event from before `missing_since` existed ends the resource where it stands.
                if event.field == ResourceEvent.missingSinceField, let since = event.newValue.flatMap({ Timestamp(iso8601: $0) }),
                   let previous = states.last?.at {
                    at = max(since, previous)
                }
            case (.revived, _): state.present = true
            case (.attributed, _):
                project = Self.nonEmpty(event.newValue)
                projects.append((event.at, project))
                continue
            default: continue
            }
            states.append((at, state))
        }
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
