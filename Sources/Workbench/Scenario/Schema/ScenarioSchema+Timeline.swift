import ArcadiaCore

/// The timeline item: `at` and exactly one action, each action's body taken from the parser's own
/// action table (`ScenarioActionKind`), switched over exhaustively so a new action cannot be
/// parsed without appearing here.
extension ScenarioSchema {
    static var timelineItem: SchemaType {
        var keys = [req("at", .time, "When it happens; in [clock.start, clock.end).")]
        keys += ScenarioActionKind.allCases.map { kind in
            let (body, description) = action(kind)
            return opt(kind.rawValue, body, description)
        }
        return .object(SchemaObject(description: "A timeline item: at, and exactly one action key.", keys: keys, minKeys: 2, maxKeys: 2))
    }

    /// The record fields a create or an update may set (`YAMLNodeReader.domainRecordKeys`).
    private static func recordFields(except skipped: String?) -> [SchemaKey] {
        YAMLNodeReader.domainRecordKeys.filter { $0.key != skipped }.map { key, description in
            let type: SchemaType = switch key {
            case "type", "name", "data", "tag": .name
            case "ttl": .integer(min: 1, max: nil)
            default: .integer(min: 0, max: nil)
            }
            return opt(key, type, description)
        }
    }

    /// An image's size in GB, to hundredths (`ImageSize`).
    private static let imageSize = SchemaType.decimal(pattern: "^[0-9]+(\\.[0-9]{1,2})?$", example: "2.34")

    private static func named(_ what: String) -> SchemaType {
        object("Names \(what).", [req("name", .name, "The \(what)'s name.")])
    }

    private static func action(_ kind: ScenarioActionKind) -> (SchemaType, String) {
        switch kind {
        case .createProject: (project(world: false), "A new project, as in the world but never default.")
        case .createDroplet: (droplet(world: false), "A new droplet, created at 'at'.")
        case .resizeDroplet: (object("A resize.", [req("name", .name, "A live droplet."), req("size", .name, "The new size slug.")]),
                              "Changes a live droplet's size.")
        case .powerOffDroplet: (named("droplet"), "An active droplet goes off.")
        case .powerOnDroplet: (named("droplet"), "An off droplet goes active.")
        case .renameDroplet: (object("A rename.", [req("name", .name, "A live droplet."), req("to", .name, "A name no live droplet has.")]),
                              "The droplet keeps its id and everything else.")
        case .tagDroplet: (object("Tags to add.", [req("name", .name, "A live droplet."), req("tags", .list(.name, nonEmpty: true), "At least one tag.")]),
                           "Tags the droplet.")
        case .untagDroplet: (object("Tags to remove.", [req("name", .name, "A live droplet."), req("tags", .list(.name, nonEmpty: true), "At least one tag.")]),
                             "Removes the tags from the droplet (those it lacks are ignored).")
        case .destroyDroplet: (named("droplet"), "The droplet is gone; its name may be used again.")
        case .createDomain: (.reference("domain"), "A new domain, as in the world.")
        case .deleteDomain: (named("domain"), "The domain is gone; its name may be used again.")
        case .createDomainRecord:
            (object("A record and its domain.", [req("domain", .name, "A live domain."), req("type", .name, "A, AAAA, CAA, CNAME, MX, NS, SRV or TXT.")]
                        + recordFields(except: "type")),
             "A DNS record in the domain; DO's rules for its type apply. It gets the next record id (from 900000001).")
        case .updateDomainRecord:
            (object("The record and the fields to set.", [req("domain", .name, "A live domain."), req("id", .integer(min: 1, max: nil), "The record's id.")]
                        + recordFields(except: nil)),
             "Sets the given fields on a record made earlier; it must stay valid for its type.")
        case .deleteDomainRecord:
            (object("The record.", [req("domain", .name, "A live domain."), req("id", .integer(min: 1, max: nil), "The record's id.")]),
             "The record is gone.")
        case .createTag: (named("tag"), "A tag with no resources (letters, digits, colons, dashes, underscores); one that exists stays as it is.")
        case .deleteTag: (named("tag"), "The tag is deleted and taken off every droplet and volume.")
        case .moveToProject:
            (object("A project and exactly one resource to move into it.",
                    [req("project", .name, "A project that exists.")]
                        + YAMLNodeReader.movableKeys.map { opt($0, .name, "The \($0.replacingOccurrences(of: "_", with: " ")) to move (its name or label).") }),
             "Assigns a resource to a project (DO moves it out of its previous one).")
        case .fault:
            (object("A fault the fake serves on a listing.", [
                req("path", .text(pattern: "^/", example: "/v2/droplets"), "An API path, e.g. /v2/droplets."),
                opt("page", .integer(min: 1, max: nil), "Only this page fails (default: every page)."),
                opt("status", .integer(min: 400, max: 599), "The HTTP status (default 500); not with body."),
                opt("body", .choice([FaultSpec.Body.truncated, .notJSON].map(\.rawValue)), "A 200 with a broken body instead of an error status."),
                opt("times", .integer(min: 1, max: nil), "How many requests fail (default 1)."),
                opt("then", object("A listing shift: exactly one world change between two pages.", [
                    opt("destroy_droplet", named("droplet"), "A live droplet destroyed."),
                    opt("create_droplet", object("A droplet created.", [
                        req("name", .name, "A free name."), req("size", .name, "A size slug."), req("region", .name, "A region slug."),
                    ]), "A droplet created."),
                ]), "Serves the page, then changes the world once (needs page; not with status, body or times)."),
            ]), "Injects a fault into the fake's API.")
        case .setInvoiceCSVColumns:
            (object("The columns.", [req("columns", .reference("csvColumns"), "DO's column names in order.")]),
             "From now on the fake exports invoice CSVs with these columns.")
        case .corruptInvoiceCSV:
            (object("How the next export breaks.", [
                req("period", period, "The invoice's month, YYYY-MM."),
                req("how", .choice(["bad_amount", "bad_date", "missing_column", "truncated"]), "The corruption."),
                opt("column", .choice(InvoiceCSVColumns.standard), "With how: missing_column, the column left out."),
            ]), "The next CSV export of that month's invoice is broken.")
        case .reingestInvoice: (object("A month.", [req("period", period, "YYYY-MM.")]), "Ingests that month's invoice again.")
        case .createVolume: (volume(world: false), "A new detached volume.")
        case .attachVolume: (object("An attachment.", [req("name", .name, "A volume."), req("droplet", .name, "A live droplet in its region.")]),
                             "Attaches a volume.")
        case .detachVolume: (named("volume"), "Detaches a volume.")
        case .deleteVolume: (named("volume"), "Deletes a detached volume.")
        case .reserveIP: (.reference("reservedIP"), "Reserves an IP.")
        case .assignIP: (object("An assignment.", [req("name", .name, "A reserved IP's label."), req("droplet", .name, "A live droplet in its region.")]),
                         "Assigns a reserved IP.")
        case .unassignIP: (named("reserved IP"), "Unassigns a reserved IP.")
        case .releaseIP: (named("reserved IP"), "Releases a reserved IP.")
        case .provision:
            (object("A desired state.", [
                req("droplet", .name, "A live droplet."),
                req("spec", .anyMapping, "A non-empty mapping of field to desired value."),
            ]), "Records the droplet's spec (a new spec bumps its version); touches nothing live.")
        case .acceptDrift: (object("An open drift.", [req("droplet", .name, "A droplet with a recorded spec."), req("field", .name, "A field of its spec.")]),
                            "Accepts the open drift on the field: the live value becomes the desired one.")
        case .subscribe:
            (object("A subscription.", [
                req("deployment", .name, "A declared deployment without a live subscription."),
                req("plan", .name, "A plan code of the price book in effect."),
                opt("addons", .list(.name), "Addon codes, none twice."),
            ]), "A deployment starts a subscription.")
        case .changeSubscription:
            (object("A change; give plan, addons or both.", [
                req("deployment", .name, "A deployment with a live subscription."),
                opt("plan", .name, "The new plan code."),
                opt("addons", .list(.name), "The new addon codes, none twice."),
            ]), "The subscription row ends and the next starts.")
        case .endSubscription: (object("A deployment.", [req("deployment", .name, "A deployment with a live subscription.")]),
                                "Ends the deployment's subscription.")
        case .meterUsage: (object("A day.", [req("day", .day, "An ended day, YYYY-MM-DD.")]), "Meters an ended day again.")
        case .runJob: (object("A job.", [req("job", .choice(JobID.allCases.map(\.rawValue)), "A job of the production table.")]),
                       "Runs the job at 'at' besides its schedule, as the service does when it starts or restarts.")
        case .rollupInvoices:
            (object("A month.", [req("period", period, "An ended month, YYYY-MM."), opt("force", .boolean, "Rebuild drafts (default false).")]),
             "Re-runs the month-end rollup for a period.")
        case .invoicePaid: (object("An invoice.", [req("tenant", .name, "A tenant code."), req("period", period, "YYYY-MM.")]),
                            "The tenant paid its issued invoice for the period.")
        case .invoiceVoid: (object("An invoice.", [req("tenant", .name, "A tenant code."), req("period", period, "YYYY-MM.")]),
                            "Voids the tenant's draft or issued invoice for the period.")
        case .enableBackups:
            (object("A backup plan.", [
                req("name", .name, "A live droplet without backups."),
                req("policy", .choice(BackupPlan.allCases.map(\.rawValue)), "weekly or daily."),
                opt("weekday", .choice(BackupsSpec.weekdays), "With policy: weekly, the day."),
                opt("hour", .integerChoice(BackupsSpec.hours), "The window's start hour: 0, 4, 8, 12, 16 or 20."),
                opt("size_gb", imageSize, "Every backup's size_gigabytes; omitted, the fake derives each from the seed."),
            ]), "Turns a droplet's backups on.")
        case .disableBackups: (named("droplet"), "Turns a droplet's backups off; DO deletes its backups.")
        case .takeBackup:
            (object("One backup of a droplet.", [
                req("droplet", .name, "A live droplet."),
                opt("size_gb", imageSize, "Its size_gigabytes; omitted, the fake derives it from the seed."),
                opt("kept_until", .time, "When it is deleted; omitted, the plan's retention if backups are on, else kept."),
            ]), "Takes one backup of a droplet now, as its schedule would.")
        case .takeSnapshot:
            (object("A snapshot of exactly one droplet or volume.", [
                req("name", .name, "A free snapshot name."),
                opt("droplet", .name, "A live droplet."),
                opt("volume", .name, "An existing volume."),
                opt("size_gb", imageSize, "Its size_gigabytes; omitted, the fake derives it from the seed and ids."),
            ]), "Takes a snapshot.")
        case .deleteSnapshot: (named("snapshot"), "Deletes a snapshot.")
        case .createFirewall: (.reference("firewall"), "Creates a firewall.")
        case .updateFirewall:
            (object("What changes; give at least one of droplets, tags, inbound, outbound.", firewallKeys), "Replaces the named lists of a firewall.")
        case .deleteFirewall: (named("firewall"), "Deletes a firewall.")
        case .createLoadBalancer: (.reference("loadBalancer"), "Creates a load balancer.")
        case .updateLoadBalancer:
            (object("What changes; give at least one setting.", [req("name", .name, "A live load balancer.")] + loadBalancerSettings),
             "Changes a load balancer.")
        case .deleteLoadBalancer: (named("load balancer"), "Deletes a load balancer.")
        case .createSpacesBucket: (.reference("spacesBucket"), "Creates a Spaces bucket.")
        case .deleteSpacesBucket: (named("Spaces bucket"), "Deletes a Spaces bucket.")
        case .setSpacesBucketSize:
            (object("A size.", [req("name", .name, "A bucket."), req("size", .integer(min: 0, max: 1_000_000), "GB stored.")]),
             "Changes the GB a bucket stores; billing follows.")
        case .createDatabase: (.reference("projectOnly"), "Creates a managed database.")
        case .deleteDatabase: (named("database"), "Deletes a managed database.")
        case .createK8sCluster: (.reference("projectOnly"), "Creates a Kubernetes cluster.")
        case .deleteK8sCluster: (named("cluster"), "Deletes a Kubernetes cluster.")
        case .createApp: (.reference("projectOnly"), "Creates an app.")
        case .deleteApp: (named("app"), "Deletes an app.")
        }
    }
}
