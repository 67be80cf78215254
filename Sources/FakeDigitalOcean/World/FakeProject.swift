import DigitalOcean
import MoneyAndTime

/// A project and the resources assigned to it, in assignment order (the order DO lists them).
struct FakeProject: Sendable {
    let id: String
    let name: String
    let description: String
    let purpose: String
    let environment: String?
    var isDefault: Bool
    let createdAt: Timestamp
    var updatedAt: Timestamp
    var resources: [Assignment] = []

    /// One resource in a project, by URN.
    struct Assignment: Sendable {
        let urn: String
        let selfURL: String
        let assignedAt: Timestamp

        var model: ProjectResource {
            ProjectResource(urn: urn, assignedAt: assignedAt.iso8601, links: .init(selfURL: selfURL), status: "ok")
        }
    }

    func model(ownerUUID: String, ownerID: Int) -> Project {
        Project(id: id, ownerUUID: ownerUUID, ownerID: ownerID, name: name, description: description, purpose: purpose,
                environment: environment, isDefault: isDefault, createdAt: createdAt.iso8601, updatedAt: updatedAt.iso8601)
    }
}
