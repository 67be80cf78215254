import DigitalOcean
import Foundation
import Testing
import TestSupport
@testable import Workbench

/// One case per error row of `docs/scenario-format.md` (and its worked example): the scenario text
/// and the exact `file:line:column: field: message` the doc promises for it.
struct ScenarioFormatDocTests {
    /// April 2026; a case's own lines start at line 4.
    static let h = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-05-01}\n"
    static let droplets = h + "world:\n  droplets: [{name: a, size: s, region: r}, {name: b, size: s, region: r, status: off}]\n"
    static let tenancy = h + "world:\n  projects: [{name: p, default: true}]\ntenants: [{code: a, name: A, country: AU}]\n"
        + "deployments: [{code: acme-prod, tenant: a, name: D, project: p}]\n"

    /// `docs/scenario-format.md`, Errors: the worked example under "Every error is one line".
    @Test func theWorkedExample() throws {
        let path = RepoPaths.root().appendingPathComponent("docs/scenario-format.md").path
        let doc = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(doc.range(of: "```yaml\nscenario: droplet-lifecycle")).upperBound
        let end = try #require(doc.range(of: "```", range: start..<doc.endIndex)).lowerBound
        let yaml = "scenario: droplet-lifecycle" + doc[start..<end]
        let broken = yaml.replacingOccurrences(of: "resize_droplet: {name: web-1", with: "resize_droplet: {name: web-3")
        #expect(Self.error(broken, file: "scenarios/droplet-lifecycle.yaml")
            == "scenarios/droplet-lifecycle.yaml:22:28: timeline[1].resize_droplet.name: no droplet named 'web-3' exists at 2026-04-01T10:07:00Z")
    }

    @Test func theFileAndItsYAML() throws {
        let directory = try RepoPaths.temporaryDirectory("scenario-format-doc")
        let missing = directory.appendingPathComponent("nope.yaml").path
        #expect(Self.loadError(missing) == "\(missing):0:0: no such file")
        #expect(Self.loadError(directory.path) == "\(directory.path):0:0: is a folder, not a file")
        let latin1 = directory.appendingPathComponent("latin1.yaml")
        try Data([0x73, 0x63, 0xE9, 0x0A]).write(to: latin1)
        #expect(Self.loadError(latin1.path) == "\(latin1.path):0:0: the file is not UTF-8 text")
    }

    @Test(arguments: [
        DocRow("valid YAML", "scenario: t\nseed: [1, 2\nclock: x\n",
               "3:6: invalid YAML: while parsing a flow sequence at line 2, column 7: did not find expected ',' or ']'"),
        DocRow("no key twice", h + "seed: 2\n", "2:1: duplicate key 'seed': a key may appear only once in a mapping"),
        DocRow("one document", "scenario: t\n---\nseed: 1\n",
               "2:1: invalid YAML: expected a single document in the stream at line 1, column 1: but found another document"),
        DocRow("not empty", "", "1:1: the file has no YAML document; a scenario needs at least scenario, seed and clock"),
    ])
    func yamlRows(_ row: DocRow) { row.check() }

    @Test(arguments: [
        DocRow("only allowed keys", h + "world:\n  droplets: [{name: a, sise: s}]\n",
               "5:24: world.droplets[0].sise: unknown key 'sise' (did you mean 'size'?); allowed keys: name, size, region, project, tags, status, provisioned, created_at, count"),
        DocRow("required keys", h + "world:\n  droplets: [{name: a, region: r}]\n", "5:14: world.droplets[0].size: missing required key 'size'"),
        DocRow("a mapping where one is expected", "scenario: t\nseed: 1\nclock: [1]\n", "3:8: clock: expected a mapping, found a list"),
        DocRow("a list where one is expected", h + "world:\n  droplets: web\n", "5:13: world.droplets: expected a list, found 'web'"),
        DocRow("a scalar where one is expected", h + "description: {a: 1}\n", "4:14: description: expected a string, found a mapping"),
        DocRow("no null values", h + "description:\n", "4:13: description: expected a string, found null"),
        DocRow("integers are plain decimals", h + "world:\n  domains: [{name: x, ttl: abc}]\n",
               "5:28: world.domains[0].ttl: expected an integer, found 'abc'"),
        DocRow("a quoted integer", "scenario: t\nseed: \"7\"\nclock: {start: 2026-04-01, end: 2026-05-01}\n",
               "2:7: seed: expected a non-negative integer, found the quoted string \"7\"; write integers unquoted"),
        DocRow("seed is not negative", "scenario: t\nseed: -1\nclock: {start: 2026-04-01, end: 2026-05-01}\n",
               "2:7: seed: expected a non-negative integer, found -1"),
        DocRow("seed fits 64 bits", "scenario: t\nseed: 18446744073709551616\nclock: {start: 2026-04-01, end: 2026-05-01}\n",
               "2:7: seed: 18446744073709551616 is out of range 0...18446744073709551615"),
        DocRow("booleans", h + "world:\n  projects: [{name: p, default: yes}]\n", "5:33: world.projects[0].default: expected true or false, found 'yes'"),
        DocRow("times parse", "scenario: t\nseed: 1\nclock: {start: 2026-02-30T00:00:00Z, end: 2026-05-01}\n",
               "3:16: clock.start: '2026-02-30T00:00:00Z' is not a valid time; write YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD"),
        DocRow("times are UTC", "scenario: t\nseed: 1\nclock: {start: 2026-04-01T10:00:00+10:00, end: 2026-05-01}\n",
               "3:16: clock.start: times must be UTC; '2026-04-01T10:00:00+10:00' has an offset: write it with Z"),
        DocRow("whole seconds with a T", "scenario: t\nseed: 1\nclock: {start: 2026-04-01T10:00:00.5Z, end: 2026-05-01}\n",
               "3:16: clock.start: write '2026-04-01T10:00:00.5Z' as YYYY-MM-DDTHH:MM:SSZ (a T separator, whole seconds)"),
        DocRow("scenario is a slug", "scenario: Droplet_Lifecycle\nseed: 1\nclock: {start: 2026-04-01, end: 2026-05-01}\n",
               "1:11: scenario: must be lowercase letters, digits and '-', starting with a letter or digit; found 'Droplet_Lifecycle'"),
        DocRow("names are not empty", h + "world:\n  projects: [{name: \"\"}]\n", "5:21: world.projects[0].name: must not be empty"),
        DocRow("status is one of its values", h + "world:\n  droplets: [{name: a, size: s, region: r, status: sleeping}]\n",
               "5:52: world.droplets[0].status: must be one of active, off; found 'sleeping'"),
        DocRow("environment is one of its values", h + "world:\n  projects: [{name: p, environment: production}]\n",
               "5:37: world.projects[0].environment: must be one of Development, Staging, Production; found 'production' (did you mean 'Production'?)"),
        DocRow("ttl is at least 1", h + "world:\n  domains: [{name: x, ttl: 0}]\n", "5:28: world.domains[0].ttl: must be at least 1, found 0"),
        DocRow("a fault status is 400-599", h + "timeline:\n  - {at: 2026-04-01, fault: {path: /v2/x, status: 302}}\n",
               "5:51: timeline[0].fault.status: must be between 400 and 599, found 302"),
        DocRow("a timeline item has an action", h + "timeline:\n  - {at: 2026-04-01}\n",
               "5:5: timeline[0]: has no action; add exactly one of: " + ScenarioActionKind.keys.joined(separator: ", ")),
        DocRow("and only one", h + "timeline:\n  - {at: 2026-04-01, power_off_droplet: {name: a}, destroy_droplet: {name: a}}\n",
               "5:52: timeline[0]: has more than one action (power_off_droplet, destroy_droplet); each timeline item takes exactly one: "
                   + "split it into items with the same 'at'"),
        DocRow("tag_droplet lists a tag", h + "timeline:\n  - {at: 2026-04-01, tag_droplet: {name: a, tags: []}}\n",
               "5:51: timeline[0].tag_droplet.tags: must list at least one tag"),
        DocRow("move_to_project names one resource", h + "timeline:\n  - {at: 2026-04-01, move_to_project: {droplet: a, domain: b, project: p}}\n",
               "5:39: timeline[0].move_to_project: names droplet and domain; move one resource per item"),
        DocRow("move_to_project names a resource", h + "timeline:\n  - {at: 2026-04-01, move_to_project: {project: p}}\n",
               "5:39: timeline[0].move_to_project: missing the resource to move: add one of droplet, domain, volume, snapshot, reserved_ip, "
                   + "load_balancer, spaces_bucket, database, k8s_cluster, app"),
        DocRow("a listing shift has a page", h + "timeline:\n  - {at: 2026-04-01, fault: {path: /v2/droplets, then: {destroy_droplet: {name: a}}}}\n",
               "5:56: timeline[0].fault.then: needs 'page': the change lands after that page, before the next"),
        DocRow("a listing shift has nothing else", h + "timeline:\n  - {at: 2026-04-01, fault: {path: /v2/droplets, page: 1, times: 2, then: {destroy_droplet: {name: a}}}}\n",
               "5:66: timeline[0].fault.times: a fault with 'then' serves the page and changes the world once; leave out status, body and times"),
        DocRow("then names one change", h + "timeline:\n  - {at: 2026-04-01, fault: {path: /v2/droplets, page: 1, then: {}}}\n",
               "5:65: timeline[0].fault.then: needs exactly one of destroy_droplet or create_droplet: what changes between the two pages"),
        DocRow("a firewall rule has a target", h + "world:\n  firewalls: [{name: fw, inbound: [{protocol: tcp}]}]\n",
               "5:36: world.firewalls[0].inbound[0]: a rule needs addresses or tags to say where traffic comes from or goes to"),
        DocRow("update_firewall changes something", h + "timeline:\n  - {at: 2026-04-01, update_firewall: {name: fw}}\n",
               "5:39: timeline[0].update_firewall: changes nothing: give droplets, tags, inbound or outbound"),
        DocRow("size_unit 1-100", h + "world:\n  load_balancers: [{name: lb, region: r, size_unit: 0}]\n",
               "5:53: world.load_balancers[0].size_unit: must be between 1 and 100, found 0"),
        DocRow("fault.path is an API path", h + "timeline:\n  - {at: 2026-04-01, fault: {path: v2/x}}\n",
               "5:36: timeline[0].fault.path: must be an API path starting with '/', e.g. /v2/droplets"),
        DocRow("weekday only weekly", h + "timeline:\n  - {at: 2026-04-01, enable_backups: {name: a, policy: daily, weekday: MON}}\n",
               "5:72: timeline[0].enable_backups.weekday: a daily plan backs up every day; 'weekday' only goes with policy: weekly"),
        DocRow("a backup window hour", h + "timeline:\n  - {at: 2026-04-01, enable_backups: {name: a, policy: daily, hour: 3}}\n",
               "5:69: timeline[0].enable_backups.hour: a backup window starts at hour 0, 4, 8, 12, 16 or 20; found 3"),
        DocRow("take_snapshot names one source", h + "timeline:\n  - {at: 2026-04-01, take_snapshot: {name: s, droplet: a, volume: v}}\n",
               "5:37: timeline[0].take_snapshot: names both a droplet and a volume; a snapshot is of one of them"),
        DocRow("take_snapshot names a source", h + "timeline:\n  - {at: 2026-04-01, take_snapshot: {name: s}}\n",
               "5:37: timeline[0].take_snapshot: missing what to snapshot: add 'droplet' or 'volume'"),
        DocRow("size_gb to hundredths", h + "timeline:\n  - {at: 2026-04-01, take_snapshot: {name: s, droplet: a, size_gb: 2.345}}\n",
               "5:68: timeline[0].take_snapshot.size_gb: '2.345' is not a size in GB above 0 and at most 16384, with at most two decimals, e.g. 2.34"),
        DocRow("provision.spec names a field", h + "timeline:\n  - {at: 2026-04-01, provision: {droplet: a, spec: {}}}\n",
               "5:52: timeline[0].provision.spec: must name at least one field"),
        DocRow("an ignore rule has a selector", h + "drift_ignore:\n  - {rule: r, field: tags, reason: x, expires: 2026-05-01}\n",
               "5:5: drift_ignore[0]: has no selector; add at least one of kind, name (a glob) or tag"),
        DocRow("tenant codes are slugs", h + "tenants: [{code: Acme Co, name: A, country: AU}]\n",
               "4:18: tenants[0].code: must be lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters; found 'Acme Co'"),
        DocRow("a country is an assigned ISO 3166 code", h + "tenants: [{code: a, name: A, country: Australia}]\n",
               "4:39: tenants[0].country: must be an ISO 3166 two-letter country code in capitals, e.g. AU; found 'Australia'"),
        DocRow("metering keys are billing kinds", h + "metering:\n  volume_gb: {granularity: daily}\n",
               "5:3: metering.volume_gb: unknown key 'volume_gb'; allowed keys: backup_gb_month, dns_zones, droplet_hours, snapshot_gb_month, spaces_gb_month"),
        DocRow("granularity is daily or hourly", h + "metering:\n  dns_zones: {granularity: weekly}\n",
               "5:28: metering.dns_zones.granularity: must be one of daily, hourly; found 'weekly'"),
        DocRow("an addon is listed once", h + "timeline:\n  - {at: 2026-04-01, subscribe: {deployment: d, plan: p, addons: [a, a]}}\n",
               "5:70: timeline[0].subscribe.addons[1]: addon 'a' is listed twice"),
        DocRow("change_subscription changes something", h + "timeline:\n  - {at: 2026-04-01, change_subscription: {deployment: d}}\n",
               "5:43: timeline[0].change_subscription: changes nothing: add 'plan', 'addons' or both"),
        DocRow("meter_usage.day is a day", h + "timeline:\n  - {at: 2026-04-03, meter_usage: {day: 2026-04-01T10:00:00Z}}\n",
               "5:41: timeline[0].meter_usage.day: '2026-04-01T10:00:00Z' is not a date; write YYYY-MM-DD, e.g. 2026-01-01"),
        DocRow("a pricebooks path names a file", h + "pricebooks: [pricebooks/nope.yaml]\n",
               "4:14: pricebooks[0]: no price book file at 'pricebooks/nope.yaml' (paths are relative to the scenario file)"),
        DocRow("price book rules",
               h + "pricebooks:\n  - {name: a, effective_from: 2026-01-01, plans: [{code: a, name: A, base_price: 1.00, "
                   + "items: [{billing_kind: dns_zones, included: 1, overage: '0,5'}]}]}\n",
               "5:144: pricebooks[0].plans[0].items[0].overage: '0,5' is not a non-negative decimal; write digits with an optional fraction, e.g. 0.0125"),
        DocRow("price books have distinct effective dates",
               h + "pricebooks:\n  - {name: a, effective_from: 2026-01-01, plans: [{code: a, name: A, base_price: 1}]}\n"
                   + "  - {name: b, effective_from: 2026-01-01, plans: [{code: a, name: A, base_price: 1}]}\n",
               "6:5: pricebooks[1]: price book 'b' is effective from 2026-01-01, as is pricebooks[0] ('a'); one book prices a period, so effective dates must differ"),
        DocRow("revenue periods are YYYY-MM", h + "timeline:\n  - {at: 2026-04-01, invoice_paid: {tenant: a, period: 2026-4}}\n",
               "5:56: timeline[0].invoice_paid.period: '2026-4' is not a billing month; write it YYYY-MM, e.g. 2026-04"),
    ])
    func parserRows(_ row: DocRow) { row.check() }

    @Test(arguments: [
        DocRow("clock.end is after clock.start", "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-04-01}\n",
               "3:33: clock.end: must be after clock.start (2026-04-01T00:00:00Z); the clock runs start ..< end"),
        DocRow("a new size says its shape", h + "world:\n  sizes: [{slug: x-big, price_monthly: 7.00}]\n",
               "5:11: world.sizes[0]: 'x-big' is not in the catalogue, so it needs vcpus, memory and disk as well as price_monthly"),
        DocRow("world project names are unique", h + "world:\n  projects: [{name: p}, {name: p}]\n",
               "5:32: world.projects[1].name: another world project is already named 'p'"),
        DocRow("one default project", h + "world:\n  projects: [{name: a, default: true}, {name: b, default: true}]\n",
               "5:59: world.projects[1].default: world.projects[0] is already the default project; an account has exactly one"),
        DocRow("no world project named Default without a default", h + "world:\n  projects: [{name: Default}]\n",
               "5:21: world.projects[0].name: 'Default' is the project the fake provider creates when no world project is marked "
                   + "'default: true'; mark this one default or rename it"),
        DocRow("world droplet names are unique", h + "world:\n  droplets: [{name: a, size: s, region: r}, {name: a, size: s, region: r}]\n",
               "5:52: world.droplets[1].name: another world droplet is already named 'a'"),
        DocRow("world project references", h + "world:\n  droplets: [{name: a, size: s, region: r, project: nope}]\n",
               "5:53: world.droplets[0].project: no project named 'nope' exists in the world; existing projects: Default"),
        DocRow("world created_at", h + "world:\n  droplets: [{name: a, size: s, region: r, created_at: 2026-04-02}]\n",
               "5:56: world.droplets[0].created_at: is after clock.start (2026-04-01T00:00:00Z); a world droplet exists when the clock "
                   + "starts, so create later droplets in the timeline"),
        DocRow("world domain names are unique", h + "world:\n  domains: [{name: example.com}, {name: example.com}]\n",
               "5:41: world.domains[1].name: another world domain is already named 'example.com'"),
        DocRow("an event before clock.start", h + "timeline:\n  - {at: 2026-03-31, fault: {path: /v2/x}}\n",
               "5:10: timeline[0].at: is before clock.start (2026-04-01T00:00:00Z)"),
        DocRow("an event at clock.end", h + "timeline:\n  - {at: 2026-05-01, fault: {path: /v2/x}}\n",
               "5:10: timeline[0].at: is not before clock.end (2026-05-01T00:00:00Z); the clock runs start ..< end, so nothing happens at end"),
        DocRow("create_project takes a free name", h + "world:\n  projects: [{name: p}]\ntimeline:\n  - {at: 2026-04-01, create_project: {name: p}}\n",
               "7:45: timeline[0].create_project.name: a project named 'p' already exists"),
        DocRow("create_droplet takes a free name", droplets + "timeline:\n  - {at: 2026-04-01, create_droplet: {name: b, size: s, region: r}}\n",
               "7:45: timeline[0].create_droplet.name: a droplet named 'b' already exists"),
        DocRow("rename_droplet.to takes a free name", droplets + "timeline:\n  - {at: 2026-04-01, rename_droplet: {name: a, to: b}}\n",
               "7:52: timeline[0].rename_droplet.to: a droplet named 'b' already exists"),
        DocRow("create_domain takes a free name", h + "world:\n  domains: [{name: example.com}]\ntimeline:\n  - {at: 2026-04-01, create_domain: {name: example.com}}\n",
               "7:44: timeline[0].create_domain.name: a domain named 'example.com' already exists"),
        DocRow("a domain's name is a host name", h + "timeline:\n  - {at: 2026-04-01, create_domain: {name: x}}\n",
               "5:44: timeline[0].create_domain.name: 'x' is not a domain name: two or more labels of letters, digits and inner hyphens, at most 63 each"),
        DocRow("project: names a project at that instant", h + "timeline:\n  - {at: 2026-04-01, create_domain: {name: x.example, project: p}}\n",
               "5:64: timeline[0].create_domain.project: no project named 'p' exists at 2026-04-01T00:00:00Z; existing projects: Default"),
        DocRow("droplet actions name a live droplet (destroyed)",
               droplets + "timeline:\n  - {at: 2026-04-01, destroy_droplet: {name: a}}\n  - {at: 2026-04-02, tag_droplet: {name: a, tags: [x]}}\n",
               "8:42: timeline[1].tag_droplet.name: no droplet named 'a' exists at 2026-04-02T00:00:00Z (it was destroyed at 2026-04-01T00:00:00Z)"),
        DocRow("droplet actions name a live droplet (renamed)",
               droplets + "timeline:\n  - {at: 2026-04-01, rename_droplet: {name: a, to: c}}\n  - {at: 2026-04-02, move_to_project: {droplet: a, project: Default}}\n",
               "8:49: timeline[1].move_to_project.droplet: no droplet named 'a' exists at 2026-04-02T00:00:00Z (it was renamed to 'c' at 2026-04-01T00:00:00Z)"),
        DocRow("domain actions name a live domain",
               h + "world:\n  domains: [{name: example.com}]\ntimeline:\n  - {at: 2026-04-01, delete_domain: {name: example.com}}\n"
                   + "  - {at: 2026-04-02, move_to_project: {domain: example.com, project: Default}}\n",
               "8:48: timeline[1].move_to_project.domain: no domain named 'example.com' exists at 2026-04-02T00:00:00Z (it was deleted at 2026-04-01T00:00:00Z)"),
        DocRow("names are unique among live ones of their kind",
               h + "world:\n  spaces_buckets: [{name: x1y, region: r}]\ntimeline:\n  - {at: 2026-04-01, create_spaces_bucket: {name: x1y, region: r}}\n",
               "7:51: timeline[0].create_spaces_bucket.name: a Spaces bucket named 'x1y' already exists"),
        DocRow("their actions name one live", h + "timeline:\n  - {at: 2026-04-02, delete_firewall: {name: fw}}\n",
               "5:46: timeline[0].delete_firewall.name: no firewall named 'fw' exists at 2026-04-02T00:00:00Z"),
        DocRow("their moves name one live", h + "timeline:\n  - {at: 2026-04-02, move_to_project: {app: shop, project: Default}}\n",
               "5:45: timeline[0].move_to_project.app: no app named 'shop' exists at 2026-04-02T00:00:00Z"),
        DocRow("firewall droplets are live", droplets + "timeline:\n  - {at: 2026-04-02, create_firewall: {name: fw, droplets: [a, zz]}}\n",
               "7:60: timeline[0].create_firewall.droplets: no droplet named 'zz' exists at 2026-04-02T00:00:00Z"),
        DocRow("world firewall droplets are world droplets", h + "world:\n  firewalls: [{name: fw, droplets: [zz]}]\n",
               "5:36: world.firewalls[0].droplets: no world droplet is named 'zz'"),
        DocRow("a listing shift destroys a live droplet",
               h + "timeline:\n  - {at: 2026-04-01, fault: {path: /v2/droplets, page: 1, then: {destroy_droplet: {name: a}}}}\n",
               "5:90: timeline[0].fault.then.destroy_droplet.name: no droplet named 'a' exists at 2026-04-01T00:00:00Z"),
        DocRow("a listing shift creates under a free name",
               droplets + "timeline:\n  - {at: 2026-04-01, fault: {path: /v2/droplets, page: 1, then: {create_droplet: {name: a, size: s, region: r}}}}\n",
               "7:89: timeline[0].fault.then.create_droplet.name: a droplet named 'a' already exists"),
        DocRow("what a listing shift destroyed is gone",
               droplets + "timeline:\n  - {at: 2026-04-01, fault: {path: /v2/droplets, page: 1, then: {destroy_droplet: {name: a}}}}\n"
                   + "  - {at: 2026-04-02, destroy_droplet: {name: a}}\n",
               "8:46: timeline[1].destroy_droplet.name: no droplet named 'a' exists at 2026-04-02T00:00:00Z (it was destroyed by the listing-shift fault at 2026-04-01T00:00:00Z)"),
        DocRow("power_off_droplet needs an active droplet", droplets + "timeline:\n  - {at: 2026-04-01, power_off_droplet: {name: b}}\n",
               "7:48: timeline[0].power_off_droplet.name: droplet 'b' is already off at 2026-04-01T00:00:00Z"),
        DocRow("power_on_droplet needs an off droplet", droplets + "timeline:\n  - {at: 2026-04-01, power_on_droplet: {name: a}}\n",
               "7:47: timeline[0].power_on_droplet.name: droplet 'a' is already active at 2026-04-01T00:00:00Z"),
        DocRow("provision names a live droplet", h + "timeline:\n  - {at: 2026-04-01, provision: {droplet: ghost, spec: {tags: [x]}}}\n",
               "5:43: timeline[0].provision.droplet: no droplet named 'ghost' exists at 2026-04-01T00:00:00Z"),
        DocRow("enable_backups needs a droplet without backups",
               droplets + "timeline:\n  - {at: 2026-04-01, enable_backups: {name: a, policy: daily}}\n  - {at: 2026-04-02, enable_backups: {name: a, policy: weekly}}\n",
               "8:45: timeline[1].enable_backups.name: droplet 'a' already has backups enabled at 2026-04-02T00:00:00Z; disable them first"),
        DocRow("disable_backups needs a droplet with backups", droplets + "timeline:\n  - {at: 2026-04-01, disable_backups: {name: a}}\n",
               "7:46: timeline[0].disable_backups.name: droplet 'a' has no backups enabled at 2026-04-01T00:00:00Z"),
        DocRow("take_backup names a live droplet", h + "timeline:\n  - {at: 2026-04-01, take_backup: {droplet: nope}}\n",
               "5:45: timeline[0].take_backup.droplet: no droplet named 'nope' exists at 2026-04-01T00:00:00Z"),
        DocRow("take_backup keeps it until later", droplets + "timeline:\n  - {at: 2026-04-01T01:00:00Z, take_backup: {droplet: a, kept_until: 2026-04-01T00:30:00Z}}\n",
               "7:45: timeline[0].take_backup: a backup is kept until a time after it is taken (2026-04-01T01:00:00Z), got 2026-04-01T00:30:00Z"),
        DocRow("take_snapshot takes a free name",
               droplets + "timeline:\n  - {at: 2026-04-01, take_snapshot: {name: s, droplet: a}}\n  - {at: 2026-04-02, take_snapshot: {name: s, droplet: b}}\n",
               "8:44: timeline[1].take_snapshot.name: a snapshot named 's' already exists"),
        DocRow("take_snapshot of an existing volume", h + "timeline:\n  - {at: 2026-04-01, take_snapshot: {name: s, volume: nope}}\n",
               "5:55: timeline[0].take_snapshot.volume: no volume named 'nope' exists at 2026-04-01T00:00:00Z"),
        DocRow("delete_snapshot names a live snapshot", h + "timeline:\n  - {at: 2026-04-01, delete_snapshot: {name: s}}\n",
               "5:46: timeline[0].delete_snapshot.name: no snapshot named 's' exists at 2026-04-01T00:00:00Z"),
        DocRow("accept_drift needs a recorded spec", droplets + "timeline:\n  - {at: 2026-04-02, accept_drift: {droplet: a, field: tags}}\n",
               "7:46: timeline[0].accept_drift.droplet: droplet 'a' has no recorded spec at 2026-04-02T00:00:00Z; provision it first (a provision event, or provisioned: true)"),
        DocRow("accept_drift names a field of it",
               h + "world:\n  droplets: [{name: a, size: s, region: r, provisioned: true}]\ntimeline:\n  - {at: 2026-04-02, accept_drift: {droplet: a, field: vcpus}}\n",
               "7:56: timeline[0].accept_drift.field: 'vcpus' is not in the spec of droplet 'a'; its fields: region, size_slug, tags"),
        DocRow("tenant codes are unique", h + "tenants: [{code: a, name: A, country: AU}, {code: a, name: B, country: AU}]\n",
               "4:51: tenants[1].code: tenants[0] already has code 'a'"),
        DocRow("deployment codes are unique",
               h + "tenants: [{code: a, name: A, country: AU}]\ndeployments: [{code: d, tenant: a, name: D, project: Default}, {code: d, tenant: a, name: E, project: Default}]\n",
               "5:71: deployments[1].code: another deployment already has code 'd'"),
        DocRow("a deployment's tenant exists",
               h + "tenants: [{code: a, name: A, country: AU}]\ndeployments: [{code: d, tenant: b, name: D, project: Default}]\n",
               "5:33: deployments[0].tenant: no tenant has code 'b'; tenants: a"),
        DocRow("a deployment's project is a world project",
               h + "tenants: [{code: a, name: A, country: AU}]\ndeployments: [{code: d, tenant: a, name: D, project: nope}]\n",
               "5:54: deployments[0].project: no project named 'nope' exists in the world; existing projects: Default"),
        DocRow("a project has one deployment",
               h + "world:\n  projects: [{name: p, default: true}]\ntenants: [{code: a, name: A, country: AU}]\n"
                   + "deployments: [{code: acme-prod, tenant: a, name: D, project: p}, {code: e, tenant: a, name: E, project: p}]\n",
               "7:105: deployments[1].project: project 'p' already belongs to deployment 'acme-prod'; a project has one owner"),
        DocRow("subscription events name a deployment", tenancy + "timeline:\n  - {at: 2026-04-01, subscribe: {deployment: nope, plan: starter}}\n",
               "9:46: timeline[0].subscribe.deployment: no deployment has code 'nope'; deployments: acme-prod"),
        DocRow("subscribe needs no live subscription",
               tenancy + "timeline:\n  - {at: 2026-04-01, subscribe: {deployment: acme-prod, plan: starter}}\n"
                   + "  - {at: 2026-04-02, subscribe: {deployment: acme-prod, plan: pro}}\n",
               "10:46: timeline[1].subscribe.deployment: deployment 'acme-prod' already has a live subscription (plan 'starter' since "
                   + "2026-04-01T00:00:00Z); use change_subscription, or end_subscription first"),
        DocRow("change_subscription needs a live one", tenancy + "timeline:\n  - {at: 2026-04-01, end_subscription: {deployment: acme-prod}}\n",
               "9:53: timeline[0].end_subscription.deployment: deployment 'acme-prod' has no live subscription at 2026-04-01T00:00:00Z; subscribe it first"),
        DocRow("a plan known to a price book of the scenario",
               tenancy + "pricebooks: [{name: b, effective_from: 2026-01-01, plans: [{code: starter, name: S, base_price: 1.00}]}]\n"
                   + "timeline:\n  - {at: 2026-04-01, subscribe: {deployment: acme-prod, plan: gold}}\n",
               "10:63: timeline[0].subscribe.plan: no price book of the scenario has plan 'gold'; plans: starter"),
        DocRow("and each addon",
               tenancy + "pricebooks: [{name: b, effective_from: 2026-01-01, plans: [{code: starter, name: S, base_price: 1.00}]}]\n"
                   + "timeline:\n  - {at: 2026-04-01, subscribe: {deployment: acme-prod, plan: starter, addons: [x]}}\n",
               "10:80: timeline[0].subscribe.addons: no price book of the scenario has addon 'x'; they have none"),
        DocRow("that started before at",
               tenancy + "timeline:\n  - {at: 2026-04-01, subscribe: {deployment: acme-prod, plan: starter}}\n"
                   + "  - {at: 2026-04-01, end_subscription: {deployment: acme-prod}}\n",
               "10:53: timeline[1].end_subscription.deployment: the subscription of deployment 'acme-prod' started at 2026-04-01T00:00:00Z; "
                   + "it cannot change or end at the same instant"),
        DocRow("a change ends up different",
               tenancy + "timeline:\n  - {at: 2026-04-01, subscribe: {deployment: acme-prod, plan: starter}}\n"
                   + "  - {at: 2026-04-02, change_subscription: {deployment: acme-prod, plan: starter}}\n",
               "10:43: timeline[1].change_subscription: deployment 'acme-prod' already holds plan 'starter' with these addons; the change changes nothing"),
        DocRow("meter_usage names an ended day", h + "timeline:\n  - {at: 2026-04-01T23:00:00Z, meter_usage: {day: 2026-04-01}}\n",
               "5:51: timeline[0].meter_usage.day: 2026-04-01 is not over at 2026-04-01T23:00:00Z; a day can be metered once it has ended"),
        DocRow("a revenue action comes after its period", h + "timeline:\n  - {at: 2026-04-30T23:59:59Z, rollup_invoices: {period: 2026-04}}\n",
               "5:58: timeline[0].rollup_invoices.period: 2026-04 has not ended at 2026-04-30T23:59:59Z; its invoices are rolled up from "
                   + "2026-05-01T00:00:00Z (the job runs at 03:00 on the 1st)"),
        DocRow("ignore rule names are unique",
               h + "drift_ignore:\n  - {rule: r, kind: droplet, field: tags, reason: x, expires: 2026-05-01}\n"
                   + "  - {rule: r, kind: droplet, field: size_slug, reason: y, expires: 2026-05-01}\n",
               "6:12: drift_ignore[1].rule: drift_ignore[0] is already named 'r'; rule names appear in the drift ledger, so each must be unique"),
    ])
    func validatorRows(_ row: DocRow) { row.check() }

    /// A rule only the fake knows is the validator's too, reported at the action (no field of its own).
    @Test func theFakesRulesAreCheckedBeforeARun() {
        let yaml = Self.h + "world:\n  droplets: [{name: a, size: s, region: nyc3}]\n  volumes: [{name: v, size: 10, region: syd1}]\n"
            + "timeline:\n  - {at: 2026-04-01, attach_volume: {name: v, droplet: a}}\n"
        #expect(Self.error(yaml) == "case.yaml:8:37: timeline[0].attach_volume: volume 'v' is in syd1 but droplet 'a' is in nyc3")
    }

    static func error(_ yaml: String, file: String = "case.yaml") -> String? {
        do {
            _ = try ScenarioParser.parse(yaml: yaml, file: file)
            return nil
        } catch {
            return error.description
        }
    }

    static func loadError(_ path: String) -> String? {
        do {
            _ = try ScenarioParser.load(path: path)
            return nil
        } catch {
            return error.description
        }
    }
}

/// A doc row: the scenario text and the error line it must produce in `case.yaml`.
struct DocRow: Sendable, CustomTestStringConvertible {
    let row: String
    let yaml: String
    let expected: String

    init(_ row: String, _ yaml: String, _ expected: String) {
        (self.row, self.yaml, self.expected) = (row, yaml, expected)
    }

    var testDescription: String { row }

    func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(ScenarioFormatDocTests.error(yaml) == "case.yaml:" + expected, sourceLocation: sourceLocation)
    }
}
