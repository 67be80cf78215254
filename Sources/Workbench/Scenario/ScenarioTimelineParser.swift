import DigitalOcean

/// The `timeline:` list: each item is `at` plus exactly one action key.
extension YAMLNodeReader {
    /// In execution order: by `at`, ties in file order. The simulator plays the array as given, so
    /// the order is fixed here, once, rather than left to whichever sort a later stage picks.
    func timeline(_ field: YAMLField) throws(ScenarioError) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        for item in try list(field) {
            events.append(try timelineEvent(item))
        }
        return events.enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
    }

    private func timelineEvent(_ item: YAMLField) throws(ScenarioError) -> TimelineEvent {
        let map = try mapping(item, allowed: ["at"] + ScenarioActionKind.keys)
        let actions = map.entries.compactMap { entry in
            ScenarioActionKind(rawValue: entry.key).map { (kind: $0, keyNode: entry.keyNode, value: entry.value) }
        }
        guard let action = actions.first else {
            throw error(item, "has no action; add exactly one of: \(ScenarioActionKind.keys.joined(separator: ", "))")
        }
        guard actions.count == 1 else {
            throw error(YAMLField(node: actions[1].keyNode, path: item.path),
                        "has more than one action (\(actions.map(\.kind.rawValue).joined(separator: ", "))); "
                            + "each timeline item takes exactly one: split it into items with the same 'at'")
        }
        let at = try time(map.required("at"))
        let body = YAMLField(node: action.value, path: item.childPath(action.kind.rawValue))
        return TimelineEvent(at: at, action: try self.action(action.kind, body), location: map.location)
    }

    private func action(_ kind: ScenarioActionKind, _ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        switch kind {
        case .createProject:
            return .createProject(try project(body, allowsDefault: false))
        case .createDroplet:
            return .createDroplet(try droplet(body))
        case .resizeDroplet:
            let map = try mapping(body, allowed: ["name", "size"])
            return .resizeDroplet(name: try nonEmptyString(map.required("name")),
                                  size: try nonEmptyString(map.required("size")))
        case .powerOffDroplet:
            return .powerOffDroplet(name: try nameOnly(body))
        case .powerOnDroplet:
            return .powerOnDroplet(name: try nameOnly(body))
        case .renameDroplet:
            let map = try mapping(body, allowed: ["name", "to"])
            return .renameDroplet(name: try nonEmptyString(map.required("name")),
                                  to: try nonEmptyString(map.required("to")))
        case .tagDroplet:
            let map = try mapping(body, allowed: ["name", "tags"])
            let name = try nonEmptyString(map.required("name"))
            let tagsField = try map.required("tags")
            let tags = try nonEmptyStrings(tagsField)
            guard !tags.isEmpty else { throw error(tagsField, "must list at least one tag") }
            return .tagDroplet(name: name, tags: tags)
        case .destroyDroplet:
            return .destroyDroplet(name: try nameOnly(body))
        case .createDomain:
            return .createDomain(try domain(body))
        case .deleteDomain:
            return .deleteDomain(name: try nameOnly(body))
        case .moveToProject:
            return try moveToProject(body)
        case .fault:
            return .fault(try fault(body))
        case .setInvoiceCSVColumns:
            return try setInvoiceCSVColumns(body)
        case .corruptInvoiceCSV:
            return try corruptInvoiceCSV(body)
        case .reingestInvoice:
            return try reingestInvoice(body)
        case .createVolume:
            return .createVolume(try volume(body, inWorld: false))
        case .attachVolume:
            return try attachVolume(body)
        case .detachVolume:
            return .detachVolume(name: try nameOnlyBody(body))
        case .deleteVolume:
            return .deleteVolume(name: try nameOnlyBody(body))
        case .reserveIP:
            return .reserveIP(try reservedIP(body))
        case .assignIP:
            return try assignIP(body)
        case .unassignIP:
            return .unassignIP(name: try nameOnlyBody(body))
        case .releaseIP:
            return .releaseIP(name: try nameOnlyBody(body))
        case .provision:
            return try provision(body)
        case .acceptDrift:
            return try acceptDrift(body)
        case .subscribe:
            return try subscribe(body)
        case .changeSubscription:
            return try changeSubscription(body)
        case .endSubscription:
            return try endSubscription(body)
        case .meterUsage:
            return try meterUsage(body)
        case .rollupInvoices, .invoicePaid, .invoiceVoid:
            return try revenueAction(kind, body)
        case .enableBackups:
            return try enableBackups(body)
        case .disableBackups:
            return .disableBackups(name: try nameOnly(body))
        case .takeSnapshot:
            return try takeSnapshot(body)
        case .deleteSnapshot:
            return .deleteSnapshot(name: try nameOnly(body))
        case .createFirewall: return .createFirewall(try firewall(body))
        case .updateFirewall: return try updateFirewall(body)
        case .deleteFirewall: return .deleteFirewall(name: try nameOnlyBody(body))
        case .createLoadBalancer: return .createLoadBalancer(try loadBalancer(body))
        case .updateLoadBalancer: return try updateLoadBalancer(body)
        case .deleteLoadBalancer: return .deleteLoadBalancer(name: try nameOnlyBody(body))
        case .createSpacesBucket: return .createSpacesBucket(try spacesBucket(body))
        case .deleteSpacesBucket: return .deleteSpacesBucket(name: try nameOnlyBody(body))
        case .setSpacesBucketSize: return try setSpacesBucketSize(body)
        case .createDatabase: return .createDatabase(try projectOnly(body))
        case .deleteDatabase: return .deleteDatabase(name: try nameOnlyBody(body))
        case .createK8sCluster: return .createK8sCluster(try projectOnly(body))
        case .deleteK8sCluster: return .deleteK8sCluster(name: try nameOnlyBody(body))
        case .createApp: return .createApp(try projectOnly(body))
        case .deleteApp: return .deleteApp(name: try nameOnlyBody(body))
        }
    }

    private func nameOnly(_ body: YAMLField) throws(ScenarioError) -> String {
        try nonEmptyString(mapping(body, allowed: ["name"]).required("name"))
    }

    private func moveToProject(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: Self.movableKeys + ["project"])
        let resource = try movedResource(map, body)
        return .moveToProject(resource: resource, project: try nonEmptyString(map.required("project")))
    }

    private func fault(_ body: YAMLField) throws(ScenarioError) -> FaultSpec {
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
}
