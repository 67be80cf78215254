import FakeDigitalOcean

// Faults, and the listing shift a fault may carry: the specs, their YAML and their play on the fake.

/// A failure the fake provider injects into the next matching requests.
public struct FaultSpec: Sendable, Equatable {
    /// How the response is spoiled instead of an error status.
    public enum Body: String, Sendable, Equatable {
        /// A 200 whose JSON is cut in half.
        case truncated
        /// A 200 carrying an HTML error page.
        case notJSON = "not_json"
    }

    /// The path it hits, e.g. `/v2/droplets`.
    public var path: String
    /// Only this page of the listing (nil: any page).
    public var page: Int?
    /// The HTTP status returned, with DO's error body for it (ignored when `body` is set).
    public var status: Int
    /// A broken 200 body instead of an error status.
    public var body: Body?
    /// How many matching requests fail before the fault is used up.
    public var times: Int
    /// Instead of failing, the page is served and then this changes before the next page.
    public var then: ListingShiftSpec?
    public init(path: String, page: Int? = nil, status: Int = 500, body: Body? = nil, times: Int = 1, then: ListingShiftSpec? = nil) {
        self.path = path
        self.page = page
        self.status = status
        self.body = body
        self.times = times
        self.then = then
    }
}

/// What changes between two pages of a listing under a `fault` with `then`.
public enum ListingShiftSpec: Sendable, Equatable {
    case destroyDroplet(name: String)
    case createDroplet(name: String, size: String, region: String)
}

extension YAMLNodeReader {
    func fault(_ body: YAMLField) throws(ScenarioError) -> FaultSpec {
        let map = try mapping(body, allowed: ["path", "page", "status", "body", "times", "then"])
        let pathField = try map.required("path")
        let path = try nonEmptyString(pathField)
        guard path.hasPrefix("/") else { throw error(pathField, "must be an API path starting with '/', e.g. /v2/droplets") }
        let broken = try map.optional("body").map { f throws(ScenarioError) in
            try oneOf(f, [FaultSpec.Body.truncated, .notJSON].map { ($0.rawValue, $0) })
        }
        if broken != nil, let status = map.optional("status") {
            throw error(status, "a 'body' fault answers 200 with a broken body; leave out 'status'")
        }
        let page = try map.optional("page").map { f throws(ScenarioError) in try integer(f, atLeast: 1) }
        if let thenField = map.optional("then") {
            // A listing shift serves the page as it is, once, and changes the world after it.
            if let other = ["status", "body", "times"].compactMap(map.optional).first {
                throw error(other, "a fault with 'then' serves the page and changes the world once; leave out status, body and times")
            }
            guard page != nil else { throw error(thenField, "needs 'page': the change lands after that page, before the next") }
            return FaultSpec(path: path, page: page, then: try listingShift(thenField))
        }
        return FaultSpec(
            path: path,
            page: page,
            status: try map.optional("status").map { f throws(ScenarioError) in try integer(f, atLeast: 400, atMost: 599) } ?? 500,
            body: broken,
            times: try map.optional("times").map { f throws(ScenarioError) in try integer(f, atLeast: 1) } ?? 1)
    }

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

extension WorldBuilder {
    func injectFault(_ fault: FaultSpec) {
        let action: FaultAction = switch (fault.then, fault.body) {
        case (let shift?, _): .shiftAfterServing(Self.listingShift(shift))
        case (nil, .truncated?): .truncatedBody
        case (nil, .notJSON?): .notJSONBody
        case (nil, nil): .status(fault.status)
        }
        fake.injectFault(path: fault.path, page: fault.page, action: action, times: fault.times)
    }

    /// Makes a listing shift's change at once, as a dry run sees it; a problem is reported at the
    /// change's `name` under `then`.
    func applyListingShiftNow(_ shift: ListingShiftSpec) throws {
        do {
            try fake.applyListingShift(Self.listingShift(shift))
        } catch let error as FakeWorldError where error.field == "name" {
            switch shift {
            case .destroyDroplet: throw error.about("then.destroy_droplet.name")
            case .createDroplet: throw error.about("then.create_droplet.name")
            }
        }
    }

    private static func listingShift(_ shift: ListingShiftSpec) -> ListingShift {
        switch shift {
        case .destroyDroplet(let name): .destroyDroplet(name: name)
        case .createDroplet(let name, let size, let region): .createDroplet(name: name, size: size, region: region)
        }
    }
}
