import DigitalOcean
import Foundation
import Yams

/// Turns a scenario file into a validated `Scenario`, or the first thing wrong with it.
///
/// The YAML is composed into nodes and walked by hand rather than decoded with `Codable`, so that
/// every error, down to a single list item, names the file, line, column and field it is about.
/// `docs/scenario-format.md` is the reference for the format and for each rule checked here.
public enum ScenarioParser {
    /// `confinement` says where the scenario's price-book paths may lead (by default, inside its
    /// repository).
    public static func load(path: String, confinement: FileConfinement = FileConfinement()) throws(ScenarioError) -> Scenario {
        try parse(yaml: readText(path: path), file: path, confinement: confinement)
    }

    /// The `scenario:` name a file declares, when it has a valid one, however wrong the rest of it
    /// is: which golden folder an invalid file owns.
    public static func declaredName(path: String) -> String? {
        guard let yaml = try? readText(path: path), let root = try? compose(yaml, file: path, whatItNeeds: ""),
              case .mapping(let top) = root, let node = top["scenario"] else { return nil }
        return try? YAMLNodeReader(file: path, confinement: FileConfinement()).scenarioName(YAMLField(node: node, path: "scenario"))
    }

    /// A YAML file's text, or an error at `path:0:0` saying why it cannot be had. A file larger
    /// than `YAMLInputBounds.maximumBytes` is refused before it is read.
    static func readText(path: String) throws(ScenarioError) -> String {
        let wholeFile = ScenarioLocation(file: path, line: 0, column: 0)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ScenarioError(location: wholeFile, field: "", message: "is a folder, not a file")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > YAMLInputBounds.maximumBytes {
            throw ScenarioError(location: wholeFile, field: "",
                                message: "the file is \(size) bytes; a scenario or price book may be at most \(YAMLInputBounds.maximumBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            throw ScenarioError(location: wholeFile, field: "", message: reason)
        }
        guard let yaml = String(validating: data, as: UTF8.self) else {
            throw ScenarioError(location: wholeFile, field: "", message: "the file is not UTF-8 text")
        }
        return yaml
    }

    /// `file` is only used in locations (and kept as `Scenario.file`); nothing is read from it.
    public static func parse(yaml: String, file: String, confinement: FileConfinement = FileConfinement()) throws(ScenarioError) -> Scenario {
        let root = try compose(yaml, file: file, whatItNeeds: "a scenario needs at least scenario, seed and clock")
        try requireShape(root, file: file, what: "a scenario", keys: ["scenario", "clock", "world", "timeline"])
        let scenario = try YAMLNodeReader(file: file, confinement: confinement).scenario(YAMLField(node: root, path: ""))
        try ScenarioValidator.validate(scenario, sourceMap: ScenarioSourceMap(root: root, file: file))
        return scenario
    }

    /// The one YAML document in `yaml`; `whatItNeeds` completes the error for an empty file. A
    /// leading byte-order mark is dropped; the text is held to `YAMLInputBounds` before Yams
    /// composes it.
    static func compose(_ text: String, file: String, whatItNeeds: String) throws(ScenarioError) -> Node {
        let yaml = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        try YAMLInputBounds.check(yaml, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw syntaxError(error, yaml: yaml, file: file)
        }
        guard let root else {
            throw ScenarioError(location: ScenarioLocation(file: file, line: 1, column: 1), field: "",
                                message: "the file has no YAML document; \(whatItNeeds)")
        }
        return root
    }

    /// A file whose top level is a scalar, or a mapping with none of `keys`, is not what it was
    /// given as (`/etc/shadow` named as a price book): it is refused without quoting any of it, so
    /// no error leaks content from a file that is not a scenario or price book. (A list is
    /// reported by the reader as `expected a mapping, found a list`, which quotes nothing.)
    static func requireShape(_ root: Node, file: String, what: String, keys: [String]) throws(ScenarioError) {
        if case .sequence = root { return }
        guard case .mapping(let mapping) = root, mapping.keys.contains(where: { keys.contains($0.string ?? "") }) else {
            throw ScenarioError(location: ScenarioLocation(file: file, line: 0, column: 0), field: "",
                                message: "is not \(what): its top level is not a mapping with any of \(keys.joined(separator: ", ")) "
                                    + "(nothing of it is shown)")
        }
    }

    /// Yams's marks are 1-based already; only a reader error (e.g. a control character) comes as
    /// a character offset, turned here into the same line and column convention.
    private static func syntaxError(_ error: any Error, yaml: String, file: String) -> ScenarioError {
        func at(_ line: Int, _ column: Int, _ message: String) -> ScenarioError {
            ScenarioError(location: ScenarioLocation(file: file, line: line, column: column), field: "", message: message)
        }
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _)?,
             .parser(let context, let problem, let mark, _)?,
             .composer(let context, let problem, let mark, _)?:
            let during = context.map { "\($0.text) at line \($0.mark.line), column \($0.mark.column): " } ?? ""
            return at(mark.line, mark.column, "invalid YAML: \(during)\(problem)")
        case .reader(let problem, let offset?, _, _)?:
            let lines = yaml.prefix(offset).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            return at(lines.count, (lines.last?.unicodeScalars.count ?? 0) + 1, "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context)?:
            // Yams reports where the first of the repeated keys was written, not the repeat.
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return at(context.mark.line, context.mark.column,
                      "duplicate key \(keys): a key may appear only once in a mapping")
        default:
            return at(0, 0, "invalid YAML: \(error)")
        }
    }
}

/// The top level and the world: everything but the timeline.
extension YAMLNodeReader {
    func scenario(_ root: YAMLField) throws(ScenarioError) -> Scenario {
        let top = try mapping(root, allowed: ["scenario", "description", "seed", "clock", "world", "account", "timeline", "drift_ignore",
                                              "tenants", "deployments", "metering", "pricebooks", "expect"])
        let name = try scenarioName(top.required("scenario"))
        let description = try top.optional("description").map(string) ?? ""
        let seed = try unsignedInteger(top.required("seed"))
        let clock = try clockRange(top.required("clock"))
        let world = try top.optional("world").map { field throws(ScenarioError) in try worldSpec(field, clock: clock) } ?? WorldSpec()
        let account = try top.optional("account").map(account) ?? AccountSpec()
        let timeline = try top.optional("timeline").map(timeline) ?? []
        let driftIgnore = try top.optional("drift_ignore").map(driftIgnoreRules) ?? []
        let tenancy = TenancySpec(tenants: try top.optional("tenants").map(tenants) ?? [],
                                  deployments: try top.optional("deployments").map(deployments) ?? [])
        let metering = try top.optional("metering").map(meteringSpec) ?? MeteringSpec()
        let priceBooks = try top.optional("pricebooks").map(priceBooks) ?? []
        let expectations = try top.optional("expect").map(expectations) ?? []
        return Scenario(name: name, description: description, seed: seed, clock: clock, world: world,
                        account: account, timeline: timeline, file: file, driftIgnore: driftIgnore, tenancy: tenancy, metering: metering,
                        priceBooks: priceBooks, expectations: expectations)
    }

    /// It names the goldens folder, so it is kept to characters that are safe in any path, and short
    /// enough that the scratch files written beside its goldens stay within a file name's 255 bytes.
    func scenarioName(_ field: YAMLField) throws(ScenarioError) -> String {
        let name = try nonEmptyString(field)
        let lowerOrDigit: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        guard let first = name.unicodeScalars.first, lowerOrDigit(first),
              name.unicodeScalars.allSatisfy({ lowerOrDigit($0) || $0 == "-" })
        else {
            throw error(field, "must be lowercase letters, digits and '-', starting with a letter or digit; found '\(name)'")
        }
        guard name.utf8.count <= Self.longestScenarioName else {
            throw error(field, "is \(name.utf8.count) characters long; a scenario name may have at most \(Self.longestScenarioName)")
        }
        return name
    }

    static let longestScenarioName = 100

    private func clockRange(_ field: YAMLField) throws(ScenarioError) -> ClockRange {
        let clock = try mapping(field, allowed: ["start", "end"])
        let endField = try clock.required("end")
        let range = ClockRange(start: try time(clock.required("start")), end: try time(endField))
        try ScenarioLimits.checkSpan(range, at: endField, reader: self)
        return range
    }

    private func worldSpec(_ field: YAMLField, clock: ClockRange) throws(ScenarioError) -> WorldSpec {
        let world = try mapping(field, allowed: ["sizes", "projects", "droplets", "domains", "volumes", "reserved_ips", "firewalls",
                                                 "load_balancers", "spaces_buckets", "databases", "k8s_clusters", "apps"])
        var spec = WorldSpec()
        for item in try world.optional("sizes").map(list) ?? [] {
            let size = try size(item)
            guard !spec.sizes.contains(where: { $0.slug == size.slug }) else {
                throw error(item, "size '\(size.slug)' is listed twice")
            }
            spec.sizes.append(size)
        }
        for item in try world.optional("projects").map(list) ?? [] {
            spec.projects.append(try project(item, allowsDefault: true))
        }
        for item in try world.optional("droplets").map(list) ?? [] {
            spec.droplets += try worldDroplets(item)
            try ScenarioLimits.checkDropletDays(droplets: spec.droplets.count, clock: clock, at: item, reader: self)
        }
        for item in try world.optional("domains").map(list) ?? [] {
            spec.domains.append(try domain(item))
        }
        for item in try world.optional("volumes").map(list) ?? [] {
            spec.volumes.append(try volume(item, inWorld: true))
        }
        for item in try world.optional("reserved_ips").map(list) ?? [] {
            spec.reservedIPs.append(try reservedIP(item))
        }
        spec.firewalls = try world.optional("firewalls").map(list)?.map(firewall) ?? []
        spec.loadBalancers = try world.optional("load_balancers").map(list)?.map(loadBalancer) ?? []
        spec.spacesBuckets = try world.optional("spaces_buckets").map(list)?.map(spacesBucket) ?? []
        spec.databases = try world.optional("databases").map(list)?.map(projectOnly) ?? []
        spec.k8sClusters = try world.optional("k8s_clusters").map(list)?.map(projectOnly) ?? []
        spec.apps = try world.optional("apps").map(list)?.map(projectOnly) ?? []
        return spec
    }
}
