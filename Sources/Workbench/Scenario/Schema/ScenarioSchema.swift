import ArcadiaCore

/// The scenario format's tables: every key of every mapping, its type, whether it is required and
/// what it means (`docs/scenario-format.md` says the same at length). Where the parser keeps a
/// table (the action keys, the movable kinds, the enums), the schema reads that table.
public enum ScenarioSchema {
    static let scenarioName = SchemaType.text(pattern: "^[a-z0-9][a-z0-9-]{0,99}$", example: "my-scenario")
    static let code = SchemaType.text(pattern: "^[a-z0-9][a-z0-9_-]{0,63}$", example: "acme")
    static let country = SchemaType.text(pattern: "^[A-Z]{2}$", example: "AU")
    static let period = SchemaType.text(pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$", example: "2026-04")
    static let names = SchemaType.list(.name)

    /// The top level; shared shapes are `definitions`.
    static let root = SchemaObject(description: "An arcadia scenario: a clock range, a seed, the fake DigitalOcean world at the start, and a timeline of events (docs/scenario-format.md).", keys: [
        req("scenario", scenarioName, "The scenario's name; its goldens are goldens/<name>/."),
        opt("description", .string, "For people."),
        req("seed", .unsignedInteger, "Seeds every id the fake provider hands out."),
        req("clock", object("The virtual time range; the clock runs start ..< end.", [
            req("start", .time, "First instant simulated."),
            req("end", .time, "After start; an event at end does not run."),
        ]), "The virtual time range."),
        opt("world", .reference("world"), "The fake DigitalOcean account at clock.start."),
        opt("account", object("The DO account's billing settings.", [
            opt("tax", object("An account-level tax DO adds to every invoice as a Taxes line.", [
                req("rate", .text(pattern: "^[0-9]+(\\.[0-9]{1,2})?%$", example: "10%"), "A percentage with at most two decimals, at most 100%."),
                req("description", .name, "The tax line's text, e.g. GST (10%)."),
            ]), "An account-level tax; none by default."),
            opt("csv_columns", .reference("csvColumns"), "The invoice CSV export's columns, in order (default: DO's nine)."),
        ]), "The DO account's billing settings."),
        opt("timeline", .list(.reference("timelineItem")), "World and platform events; items run by time, ties in file order."),
        opt("drift_ignore", .list(object("A drift ignore rule every sweep applies (docs/drift.md).", [
            req("rule", .name, "The rule's name, unique; it appears in the drift ledger."),
            opt("kind", .name, "A resource kind the rule covers, e.g. droplet."),
            opt("name", .name, "A glob over resource names."),
            opt("tag", .name, "Resources carrying this tag."),
            req("field", .name, "The spec field ignored."),
            req("reason", .name, "Why, for people."),
            req("expires", .time, "When the rule stops applying."),
        ])), "Drift ignore rules; a rule needs at least one of kind, name or tag."),
        opt("tenants", .list(object("A tenant of the platform.", [
            req("code", code, "Lowercase letters, digits, - and _; unique."),
            req("name", .name, "The tenant's name."),
            req("country", country, "ISO 3166 two-letter code in capitals, e.g. AU."),
        ])), "The platform's tenants."),
        opt("deployments", .list(object("A tenant's deployment, owning one world project.", [
            req("code", code, "Lowercase letters, digits, - and _; unique."),
            req("tenant", .name, "The code of a declared tenant."),
            req("name", .name, "The deployment's name."),
            req("project", .name, "A world project no other deployment owns."),
        ])), "Each tenant's deployments."),
        opt("metering", .object(SchemaObject(description: "Granularity and retention per billing kind (docs/revenue.md).",
                                            keys: MeteredKinds.billingKinds.map { kind in
            opt(kind.rawValue, object("How \(kind.rawValue) is metered.", [
                opt("granularity", .choice(MeteringGranularity.allCases.map(\.rawValue)), "daily (default) or hourly records."),
                opt("retention_days", .integer(min: 1, max: nil), "Days usage records are kept (default: for ever)."),
            ]), "Metering of \(kind.rawValue).")
        })), "Metering policy per billing kind (default: every kind daily, kept for ever)."),
        opt("pricebooks", .list(.either([.reference("priceBook"), .name])),
            "Price books written to the ledger before the clock starts: a book inline, or a path relative to the scenario file."),
        opt("expect", .list(.reference("expectation")), "Checks made once the run is over, each a JUnit test case at its line."),
    ])

    /// Shapes used in more than one place, by name.
    static let definitions: [(name: String, type: SchemaType)] = [
        ("world", object("The fake DigitalOcean account at clock.start; resources are created in this order.", [
            opt("sizes", .list(size), "Changes to the fake's size catalogue, applied first; a slug may be listed once."),
            opt("projects", .list(project(world: true)), "DO projects."),
            opt("droplets", .list(droplet(world: true)), "Droplets; count: N declares N alike."),
            opt("domains", .list(.reference("domain")), "DNS zones."),
            opt("volumes", .list(volume(world: true)), "Block storage volumes."),
            opt("reserved_ips", .list(.reference("reservedIP")), "Reserved IPs, named by a label."),
            opt("firewalls", .list(.reference("firewall")), "Firewalls."),
            opt("load_balancers", .list(.reference("loadBalancer")), "Load balancers."),
            opt("spaces_buckets", .list(.reference("spacesBucket")), "Spaces buckets (known to the inventory through projects only)."),
            opt("databases", .list(.reference("projectOnly")), "Managed databases (project resources only)."),
            opt("k8s_clusters", .list(.reference("projectOnly")), "Kubernetes clusters (project resources only)."),
            opt("apps", .list(.reference("projectOnly")), "App Platform apps (project resources only)."),
        ])),
        ("domain", object("A DNS zone.", [
            req("name", .name, "The zone, e.g. example.com; unique among live domains."),
            opt("project", .name, "A project that exists (default: the default project)."),
            opt("ttl", .integer(min: 1, max: nil), "Seconds (default 1800)."),
        ])),
        ("reservedIP", object("A reserved IP; DO names it by its address, drawn from the seed, so the scenario gives it a label.", [
            req("name", .name, "The label, unique; later actions use it."),
            req("region", .name, "A region slug."),
            opt("project", .name, "A project that exists (default: the default project)."),
            opt("droplet", .name, "A live droplet in the same region without a reserved IP (default: unassigned)."),
        ])),
        ("firewall", object("A firewall; DO's projects do not hold firewalls, so it has no project.", firewallKeys)),
        ("firewallRule", object("A firewall rule; it needs addresses or tags.", [
            req("protocol", .choice(["tcp", "udp", "icmp"]), "The protocol."),
            opt("ports", .name, "\"0\" (all, the default and the only value for icmp), a port (\"22\") or a range (\"8000-9000\")."),
            opt("addresses", names, "IPs or CIDR blocks: the rule's sources (inbound) or destinations (outbound)."),
            opt("tags", names, "Droplet tags: the rule's sources (inbound) or destinations (outbound)."),
        ])),
        ("loadBalancer", object("A load balancer.", [
            req("name", .name, "Unique among load balancers."),
            req("region", .name, "A region slug."),
            opt("project", .name, "A project that exists (default: the default project)."),
        ] + loadBalancerSettings)),
        ("forwardingRule", object("Where a load balancer forwards traffic.", [
            req("entry_protocol", .choice(loadBalancerProtocols), "The protocol clients use."),
            req("entry_port", .integer(min: 1, max: 65_535), "The port clients use."),
            req("target_protocol", .choice(loadBalancerProtocols), "The protocol to the droplets."),
            req("target_port", .integer(min: 1, max: 65_535), "The port on the droplets."),
        ])),
        ("spacesBucket", object("A Spaces bucket, known to the inventory only through project resources (do:space:<name>).", [
            req("name", .name, "Unique among buckets; 3-63 lowercase letters, digits and -."),
            req("region", .name, "A region slug."),
            opt("size", .integer(min: 0, max: 1_000_000), "GB stored (default 0)."),
            opt("project", .name, "A project that exists (default: the default project)."),
        ])),
        ("projectOnly", object("A managed database, Kubernetes cluster or app: it exists only as a project resource.", [
            req("name", .name, "Unique within its kind."),
            opt("region", .name, "A region slug."),
            opt("project", .name, "A project that exists (default: the default project)."),
        ])),
        ("csvColumns", .list(.choice(InvoiceCSVColumns.standard))),
        ("timelineItem", timelineItem),
        ("priceBook", priceBook),
        ("expectation", expectation),
    ]

    static let size = object("A size the fake's catalogue gets or changes, so a scenario can bill at its own prices.", [
        req("slug", .name, "The size slug; a new slug needs vcpus, memory and disk."),
        req("price_monthly", .decimal(pattern: "^[0-9]+(\\.[0-9]{1,2})?$", example: "7.00"), "Dollars with at most two decimals, more than 0."),
        opt("vcpus", .integer(min: 1, max: nil), "vCPUs (default: the catalogue's)."),
        opt("memory", .integer(min: 512, max: nil), "MB (default: the catalogue's)."),
        opt("disk", .integer(min: 1, max: nil), "GB (default: the catalogue's)."),
    ])

    static func project(world: Bool) -> SchemaType {
        object(world ? "A DO project." : "A new project; never the default.", [
            req("name", .name, "Unique among projects."),
            opt("description", .string, "For people."),
            opt("environment", .choice(["Development", "Staging", "Production"]), "DO's enum, case-sensitive."),
        ] + (world ? [opt("default", .boolean, "The account's default project, where resources created without a project land; at most one.")] : []))
    }

    static func droplet(world: Bool) -> SchemaType {
        object(world ? "A droplet at clock.start (count: N declares N alike)." : "A droplet created at the event's instant.", [
            req("name", .name, world ? "Unique among live droplets; with count, contains # (numbered 1…count)." : "Unique among live droplets."),
            req("size", .name, "A size slug, e.g. s-2vcpu-4gb."),
            req("region", .name, "A region slug, e.g. syd1."),
            opt("project", .name, "A project that exists (default: the default project)."),
            opt("tags", names, "Tags."),
            opt("status", .choice([PowerState.active, .off].map(\.rawValue)), "Power state (default active)."),
            opt("provisioned", .boolean, "Records {size_slug, region, tags} as the droplet's desired state (docs/drift.md)."),
        ] + (world ? [
            opt("created_at", .time, "When it was created (default clock.start); not after clock.start."),
            opt("count", .integer(min: 1, max: 10_000), "Declares count droplets alike but for their names."),
        ] : []))
    }

    static func volume(world: Bool) -> SchemaType {
        object("A block storage volume.", [
            req("name", .name, "Unique among volumes; lowercase."),
            req("size", .integer(min: 1, max: 16_384), "GiB."),
            req("region", .name, "A region slug."),
            opt("project", .name, "A project that exists (default: the default project)."),
            opt("tags", names, "Tags."),
        ] + (world ? [opt("attached_to", .name, "A world droplet in the same region (default: detached).")] : []))
    }

    static var firewallKeys: [SchemaKey] {
        [
            req("name", .name, "Unique among firewalls; letters, digits, . and -, starting with a letter or digit."),
            opt("droplets", names, "Live droplets it applies to."),
            opt("tags", names, "Droplets carrying any of these tags are covered too."),
            opt("inbound", .list(.reference("firewallRule")), "Traffic admitted."),
            opt("outbound", .list(.reference("firewallRule")), "Traffic let out."),
        ]
    }

    static let loadBalancerProtocols = ["http", "https", "http2", "http3", "tcp", "udp"]

    static let loadBalancerSettings: [SchemaKey] = [
        opt("size_unit", .integer(min: 1, max: 100), "Nodes; DO bills each node (default 1)."),
        opt("algorithm", .choice(["round_robin", "least_connections"]), "Default round_robin."),
        opt("forwarding_rules", .list(.reference("forwardingRule"), nonEmpty: true), "Default: http 80 to http 80."),
        opt("droplets", names, "Live droplets in the same region."),
    ]

    static let priceBook = object("A price book (docs/revenue.md).", [
        req("name", .name, "The book's name."),
        req("effective_from", .day, "The day it starts pricing; books in a scenario have distinct dates."),
        opt("prorate", .boolean, "Prorate a subscription's base price by days active (default true)."),
        opt("prorate_allowances", .boolean, "Prorate allowances by the days charged, like the base price (default true)."),
        opt("tax_rates", .list(object("A tax rate for tenants of a country.", [
            req("country", country, "ISO 3166 two-letter code in capitals."),
            req("label", .name, "The tax line's label."),
            req("rate", .text(pattern: "^[0-9]+(\\.[0-9]+)?%$", example: "10%"), "A percentage between 0% and 100%."),
        ])), "One rate per country."),
        req("plans", .list(object("A plan: a monthly base price and per-kind allowances.", [
            req("code", planCode, "Lowercase letters, digits, _ and -; unique."),
            req("name", .name, "The plan's name."),
            req("base_price", money, "Monthly price in dollars, at most two decimals."),
            opt("items", .list(object("A billing kind's allowance and overage price.", [
                req("billing_kind", .choice(MeteredKinds.billingKinds.map(\.rawValue)), "The billing kind."),
                req("included", quantity, "Quantity included each month."),
                req("overage", .either([quantity, object("Tiered overage: tiers count the units above the allowance.", [
                    req("mode", .choice(["graduated", "volume"]), "graduated: each unit at its tier's price; volume: every unit at the price of the tier the total reaches."),
                    req("tiers", .list(object("A tier: every tier but the last has an up_to above the one before; the last has none.", [
                        opt("up_to", quantity, "The tier's upper bound (exclusive), in units above the allowance."),
                        req("unit_price", quantity, "Dollars per unit in this tier."),
                    ]), nonEmpty: true), "The tiers, lowest first."),
                ])]), "Dollars per unit above the allowance, or tiers."),
            ])), "Allowances and overage prices."),
        ]), nonEmpty: true), "At least one plan."),
        opt("addons", .list(object("An addon: a monthly price, which may add an allowance.", [
            req("code", planCode, "Lowercase letters, digits, _ and -; unique."),
            req("name", .name, "The addon's name."),
            req("monthly_price", money, "Dollars, at most two decimals."),
            opt("billing_kind", .choice(MeteredKinds.billingKinds.map(\.rawValue)), "With included: the kind whose allowance it raises."),
            opt("included", quantity, "With billing_kind: the quantity it adds."),
        ])), "Addons."),
    ])

    static let planCode = SchemaType.text(pattern: "^[a-z0-9_-]+$", example: "starter")
    static let money = SchemaType.decimal(pattern: "^[0-9]+(\\.[0-9]{1,2})?$", example: "29.00")
    static let quantity = SchemaType.decimal(pattern: "^[0-9]+(\\.[0-9]+)?$", example: "744")
}
