/// The backup and snapshot timeline actions.
extension YAMLNodeReader {
    /// `{name, policy: weekly|daily, weekday?: SUN…SAT (weekly only), hour?: 0|4|…|20}`.
    func enableBackups(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "policy", "weekday", "hour"])
        let name = try nonEmptyString(map.required("name"))
        let plan = try oneOf(map.required("policy"), BackupPlan.allCases.map { ($0.rawValue, $0) })
        let weekday = try map.optional("weekday").map { field throws(ScenarioError) in
            try oneOf(field, BackupsSpec.weekdays.enumerated().map { ($0.element, $0.offset) })
        }
        if plan == .daily, let field = map.optional("weekday") {
            throw error(field, "a daily plan backs up every day; 'weekday' only goes with policy: weekly")
        }
        let hour = try map.optional("hour").map { field throws(ScenarioError) in
            let hour = try integer(field, atLeast: 0, atMost: 23)
            guard BackupsSpec.hours.contains(hour) else {
                throw error(field, "a backup window starts at hour 0, 4, 8, 12, 16 or 20; found \(hour)")
            }
            return hour
        }
        return .enableBackups(BackupsSpec(droplet: name, plan: plan, weekday: weekday, hour: hour))
    }

    /// `{name, droplet}` or `{name, volume}`.
    func takeSnapshot(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "droplet", "volume"])
        let name = try nonEmptyString(map.required("name"))
        let source: SnapshotSource
        switch (map.optional("droplet"), map.optional("volume")) {
        case (let droplet?, nil):
            source = .droplet(try nonEmptyString(droplet))
        case (nil, let volume?):
            source = .volume(try nonEmptyString(volume))
        case (.some, .some):
            throw error(body, "names both a droplet and a volume; a snapshot is of one of them")
        case (nil, nil):
            throw error(body, "missing what to snapshot: add 'droplet' or 'volume'")
        }
        return .takeSnapshot(SnapshotSpec(name: name, source: source))
    }
}
