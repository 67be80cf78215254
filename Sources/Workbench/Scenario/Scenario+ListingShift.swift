/// What changes between two pages of a listing under a `fault` with `then`.
public enum ListingShiftSpec: Sendable, Equatable {
    case destroyDroplet(name: String)
    case createDroplet(name: String, size: String, region: String)
}
