import DigitalOcean
import MoneyAndTime

/// An action a client started over the API (a droplet create, resize, snapshot …), as DO lists it
/// under `/v2/actions`. The world changes when the action starts; what moves with time is only
/// what DO reports: `in-progress` until `completesAt`, then `completed` (frozen in time, the fake
/// completes every action at once).
struct FakeAction: Sendable {
    let id: Int
    let type: String
    let resourceID: Int
    let resourceType: String
    /// The volume's id or the reserved IP an action acted on: DO's object does not carry it (its
    /// `resource_id` is 0 for them), but `/v2/volumes/{id}/actions` and
    /// `/v2/reserved_ips/{ip}/actions` list by it.
    let subject: String?
    let region: FakeRegion?
    let at: Timestamp
    let completesAt: Timestamp
    var completed: Bool

    var model: ActionModel {
        ActionModel(id: id, status: completed ? "completed" : "in-progress", type: type, startedAt: at.iso8601,
                    completedAt: completed ? completesAt.iso8601 : nil, resourceID: resourceID,
                    resourceType: resourceType, region: region.map(RegionCatalogue.model), regionSlug: region?.slug)
    }
}

/// DO's action object (`specification/resources/actions/models/action.yml`).
struct ActionModel: Encodable {
    let id: Int
    let status: String
    let type: String
    let startedAt: String
    let completedAt: String?
    let resourceID: Int
    let resourceType: String
    let region: Region?
    let regionSlug: String?

    enum CodingKeys: String, CodingKey {
        case id, status, type, region
        case startedAt = "started_at"
        case completedAt = "completed_at"
        case resourceID = "resource_id"
        case resourceType = "resource_type"
        case regionSlug = "region_slug"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(status, forKey: .status)
        try c.encode(type, forKey: .type)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(completedAt, forKey: .completedAt)
        try c.encode(resourceID, forKey: .resourceID)
        try c.encode(resourceType, forKey: .resourceType)
        try c.encode(region, forKey: .region)
        try c.encode(regionSlug, forKey: .regionSlug)
    }
}

extension FakeWorld {
    /// Records an action at `now`. Ids count up from a fixed base rather than being drawn from
    /// the seed, so a client's writes never shift what the seed draws for the world itself.
    mutating func recordAction(type: String, resourceID: Int, resourceType: String, subject: String? = nil, region: FakeRegion?) -> FakeAction {
        let action = FakeAction(id: 1_900_000_000 + actions.count * 7 + 1, type: type, resourceID: resourceID, resourceType: resourceType,
                                subject: subject, region: region, at: now, completesAt: now + actionSeconds, completed: actionSeconds == 0)
        actions.append(action)
        bumpRevision()
        return action
    }

    /// Completes the actions due at or before `time`; a created droplet then turns from `new` to
    /// `active`. Called as the clock advances.
    mutating func completeActions(through time: Timestamp) {
        for index in actions.indices where !actions[index].completed && actions[index].completesAt <= time {
            actions[index].completed = true
            bumpRevision()
            if actions[index].type == "create", actions[index].resourceType == "droplet",
               var droplet = droplets[actions[index].resourceID], droplet.provisioning {
                droplet.provisioning = false
                store(changed: droplet)
            }
        }
    }
}
