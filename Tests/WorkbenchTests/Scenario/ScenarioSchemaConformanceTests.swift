import Foundation
import Testing
@testable import Workbench

/// Holds the schema (`ScenarioSchema`) to the parser, mapping by mapping: for every object the
/// schema describes, documents built from the schema are fed to the scenario reader, which must
/// list exactly the schema's keys as allowed, require exactly its required keys, accept each key
/// with a value of the schema's type, and offer exactly its choices. A key added to the parser
/// and not to the schema (or the other way round) fails here.
@Suite struct ScenarioSchemaConformanceTests {
    enum Step {
        case key(String)
        case item
        case alternative(Int)
    }

    struct Site {
        var steps: [Step]
        var path: String
        var object: SchemaObject
    }

    /// Objects that are only valid with one of a group of optional keys: the first is added to
    /// make them minimal; probing a key of the group uses that key instead.
    static let needsOneOf: [String: [String]] = [
        "timeline[]": ScenarioActionKind.keys,
        "timeline[].take_snapshot": ["droplet", "volume"],
        "timeline[].move_to_project": YAMLNodeReader.movableKeys,
        "timeline[].change_subscription": ["plan", "addons"],
        "timeline[].update_firewall": ["droplets", "tags", "inbound", "outbound"],
        "timeline[].update_load_balancer": ["size_unit", "algorithm", "forwarding_rules", "droplets"],
        "timeline[].fault.then": ["destroy_droplet", "create_droplet"],
        "drift_ignore[]": ["kind", "name", "tag"],
        "inbound[]": ["addresses", "tags"],
        "expect[]": ExpectationKind.keys,
        "expect[].tenant_invoice": ExpectationKind.statedKeys[.tenantInvoice]!,
        "expect[].invoice_line": ExpectationKind.statedKeys[.invoiceLine]!,
        "expect[].resource": ExpectationKind.statedKeys[.resource]!,
        "expect[].do_invoice": ExpectationKind.statedKeys[.doInvoice]!,
        "outbound[]": ["addresses", "tags"],
    ]

    /// `needsOneOf` for an object at `path`; a key without a `.` also matches as the last step.
    static func group(_ path: String) -> [String]? {
        needsOneOf[path] ?? needsOneOf.first { !$0.key.contains(".") && path.hasSuffix(".\($0.key)") }?.value
    }

    /// Updates that count their keys before reading `name` ("changes nothing"): their required
    /// probe carries a second change, so that what it meets is the missing name.
    static let countsKeysFirst: Set = ["timeline[].update_firewall", "timeline[].update_load_balancer"]

    /// Keys that only go with another key's value (JSON text).
    static let companions: [String: [(String, String)]] = [
        "timeline[].fault.then": [("page", "2")],
        "timeline[].corrupt_invoice_csv.column": [("how", "\"missing_column\"")],
        "pricebooks[].addons[].billing_kind": [("included", "\"1\"")],
        "pricebooks[].addons[].included": [("billing_kind", "\"droplet_hours\"")],
        "world.droplets[].count": [("name", "\"n-#\"")],
    ]

    /// Optional keys of a list item that only go with an item after it (JSON text, placed after
    /// the probed item): every tier but the last has `up_to`.
    static let followedBy: [String: String] = [
        "pricebooks[].plans[].items[].overage.tiers[].up_to": "{\"unit_price\": \"0.01\"}",
    ]

    static func definition(_ name: String) -> SchemaType {
        ScenarioSchema.definitions.first { $0.name == name }!.type
    }

    static func sites() -> [Site] {
        var sites: [Site] = []
        func visit(_ type: SchemaType, _ steps: [Step], _ path: String) {
            switch type {
            case .reference(let name): visit(definition(name), steps, path)
            case .object(let object):
                sites.append(Site(steps: steps, path: path, object: object))
                for key in object.keys {
                    visit(key.type, steps + [.key(key.name)], path.isEmpty ? key.name : "\(path).\(key.name)")
                }
            case .list(let item, _): visit(item, steps + [.item], path + "[]")
            case .either(let types): for (index, type) in types.enumerated() { visit(type, steps + [.alternative(index)], path) }
            default: break
            }
        }
        visit(.object(ScenarioSchema.root), [], "")
        return sites
    }

    /// A value of `type` the parser accepts, as JSON (which is YAML).
    static func sample(_ type: SchemaType, path: String) -> String {
        switch type {
        case .string: return "\"x\""
        case .name: return "\"x1\""
        case .text(_, let example), .decimal(_, let example): return "\"\(example)\""
        case .integer(let min, _): return String(min)
        case .unsignedInteger: return "7"
        case .boolean: return "false"
        case .time: return "\"2026-04-01T00:00:00Z\""
        case .day: return "\"2026-04-01\""
        case .choice(let choices): return "\"\(choices[0])\""
        case .integerChoice(let choices): return String(choices[0])
        case .reference("csvColumns"): return "[" + InvoiceCSVColumns.standard.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .reference(let name): return sample(definition(name), path: path)
        case .list(let item, _): return "[\(sample(item, path: path + "[]"))]"
        case .object(let object): return render(minimal(object, path: path))
        case .anyMapping: return "{\"size_slug\": \"s-1vcpu-1gb\"}"
        case .either(let types): return sample(types[0], path: path)
        }
    }

    static func minimal(_ object: SchemaObject, path: String, using chosen: String? = nil) -> [(String, String)] {
        var pairs = object.keys.filter(\.required).map { ($0.name, sample($0.type, path: child(path, $0.name))) }
        if let group = group(path) {
            let key = chosen.flatMap { group.contains($0) ? $0 : nil } ?? group[0]
            pairs.append((key, sample(object.keys.first { $0.name == key }!.type, path: child(path, key))))
        }
        return pairs
    }

    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    static func render(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// The root document with `target` (JSON) at `steps`.
    static func document(_ steps: [Step], target: String) -> String {
        func build(_ type: SchemaType, _ steps: ArraySlice<Step>, _ path: String) -> String {
            guard let step = steps.first else { return target }
            switch (type, step) {
            case (.reference(let name), _): return build(definition(name), steps, path)
            case (.object(let object), .key(let key)):
                let keyType = object.keys.first { $0.name == key }!.type
                var pairs = minimal(object, path: path, using: key).filter { $0.0 != key }
                for (name, value) in companions[child(path, key)] ?? [] {
                    pairs.removeAll { $0.0 == name }
                    pairs.append((name, value))
                }
                pairs.append((key, build(keyType, steps.dropFirst(), child(path, key))))
                return render(pairs)
            case (.list(let item, _), .item): return "[\(build(item, steps.dropFirst(), path + "[]"))]"
            case (.either(let types), .alternative(let index)): return build(types[index], steps.dropFirst(), path)
            default: fatalError("step \(step) does not fit \(type) at \(path)")
            }
        }
        return build(.object(ScenarioSchema.root), steps[...], "")
    }

    /// What the reader says about a document: nil when it reads.
    static func read(_ document: String) -> ScenarioError? {
        do {
            _ = try ScenarioParser.readWithoutValidating(yaml: document, file: "probe.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func everyMappingAllowsExactlyTheSchemasKeys() {
        let sites = Self.sites()
        #expect(sites.count > 60, "the walk reached every mapping: \(sites.count)")
        for site in sites {
            let error = Self.read(Self.document(site.steps, target: "{\"zz_probe\": 1}"))
            let allowed = error?.message.components(separatedBy: "allowed keys: ").last?.components(separatedBy: ", ")
            #expect(error?.message.hasPrefix("unknown key 'zz_probe'") == true && Set(allowed ?? []) == Set(site.object.keys.map(\.name)),
                    "\(site.path.isEmpty ? "top level" : site.path): schema \(site.object.keys.map(\.name)), parser: \(error?.message ?? "read it")")
        }
    }

    @Test func theMinimalMappingReadsAndEachRequiredKeyIsRequired() {
        for site in Self.sites() {
            let minimal = Self.minimal(site.object, path: site.path)
            let error = Self.read(Self.document(site.steps, target: Self.render(minimal)))
            #expect(error == nil, "\(site.path): minimal \(Self.render(minimal)): \(error?.description ?? "")")
            for key in site.object.keys where key.required {
                var others = minimal.filter { $0.0 != key.name }
                if Self.countsKeysFirst.contains(site.path), let second = Self.group(site.path)?[1] {
                    others.append((second, Self.sample(site.object.keys.first { $0.name == second }!.type, path: Self.child(site.path, second))))
                }
                let without = Self.render(others)
                let missing = Self.read(Self.document(site.steps, target: without))
                #expect(missing?.message == "missing required key '\(key.name)'", "\(site.path).\(key.name): \(missing?.description ?? "read without it")")
            }
        }
    }

    @Test func eachOptionalKeyReadsWithAValueOfItsSchemaType() {
        for site in Self.sites() {
            for key in site.object.keys where !key.required {
                let path = Self.child(site.path, key.name)
                var pairs = Self.minimal(site.object, path: site.path, using: key.name).filter { $0.0 != key.name }
                for (name, value) in Self.companions[path] ?? [] {
                    pairs.removeAll { $0.0 == name }
                    pairs.append((name, value))
                }
                pairs.append((key.name, Self.sample(key.type, path: path)))
                let target = Self.render(pairs) + (Self.followedBy[path].map { ", " + $0 } ?? "")
                let error = Self.read(Self.document(site.steps, target: target))
                #expect(error == nil, "\(path): \(Self.render(pairs)): \(error?.description ?? "")")
            }
        }
    }

    @Test func eachChoiceOffersExactlyTheParsersChoices() {
        for site in Self.sites() {
            for key in site.object.keys {
                guard case .choice(let choices) = key.type else { continue }
                let path = Self.child(site.path, key.name)
                var pairs = Self.minimal(site.object, path: site.path, using: key.name).filter { $0.0 != key.name }
                for (name, value) in Self.companions[path] ?? [] where name != key.name {
                    pairs.removeAll { $0.0 == name }
                    pairs.append((name, value))
                }
                pairs.append((key.name, "\"zz_probe\""))
                let message = Self.read(Self.document(site.steps, target: Self.render(pairs)))?.message ?? "read it"
                #expect(message == "must be one of \(choices.joined(separator: ", ")); found 'zz_probe'", "\(path): \(message)")
            }
        }
    }
}
