/// Why a scenario file cannot run, and exactly where: nothing is played from an invalid scenario, so
/// the error has to be precise enough to fix the file without guessing.
public struct ScenarioError: Error, Equatable, CustomStringConvertible {
    /// The offending node (line and column are 1-based; 0:0 when there is no node, e.g. a missing file).
    public var location: ScenarioLocation
    /// The field's path in the document, e.g. `timeline[2].resize_droplet.size` (timeline indices count
    /// items in file order); empty for errors about the file as a whole, such as YAML syntax.
    public var field: String
    public var message: String

    public init(location: ScenarioLocation, field: String, message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    /// `scenarios/x.yaml:12:7: timeline[2].resize_droplet.size: expected a string, found a list`,
    /// the form compilers use so editors and CI logs link straight to the spot.
    public var description: String {
        field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}
