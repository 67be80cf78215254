/// The listing shift a `fault` may carry under `then:`.
extension YAMLNodeReader {
    /// `then:` of a fault: exactly one of `destroy_droplet: {name}` or
    /// `create_droplet: {name, size, region}`.
    func listingShift(_ field: YAMLField) throws(ScenarioError) -> ListingShiftSpec {
        let map = try mapping(field, allowed: ["destroy_droplet", "create_droplet"])
        switch (map.optional("destroy_droplet"), map.optional("create_droplet")) {
        case (let destroy?, nil):
            return .destroyDroplet(name: try nonEmptyString(mapping(destroy, allowed: ["name"]).required("name")))
        case (nil, let create?):
            let droplet = try mapping(create, allowed: ["name", "size", "region"])
            return .createDroplet(name: try nonEmptyString(droplet.required("name")), size: try nonEmptyString(droplet.required("size")),
                                  region: try nonEmptyString(droplet.required("region")))
        default:
            throw error(field, "needs exactly one of destroy_droplet or create_droplet: what changes between the two pages")
        }
    }
}
