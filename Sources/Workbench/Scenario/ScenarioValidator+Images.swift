import DigitalOcean

/// Backups and snapshots against the world at each instant: backups are switched on only when
/// off (and off only when on) on a live droplet; a snapshot takes a free name and is of a live
/// droplet or an existing volume; only a live snapshot is deleted.
extension ValidationWalk {
    mutating func applyImageAction(_ action: ScenarioAction, field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        switch action {
        case .enableBackups(let spec):
            _ = try liveDroplet(spec.droplet, "\(field).name", near: near, when: when)
            guard !backupsOn.contains(spec.droplet) else {
                throw error("\(field).name", near: near, "droplet '\(spec.droplet)' already has backups enabled at \(when); disable them first")
            }
            backupsOn.insert(spec.droplet)
        case .disableBackups(let name):
            _ = try liveDroplet(name, "\(field).name", near: near, when: when)
            guard backupsOn.contains(name) else {
                throw error("\(field).name", near: near, "droplet '\(name)' has no backups enabled at \(when)")
            }
            backupsOn.remove(name)
        case .takeSnapshot(let spec):
            guard !snapshots.contains(spec.name) else {
                throw error("\(field).name", near: near, "a snapshot named '\(spec.name)' already exists")
            }
            switch spec.source {
            case .droplet(let droplet):
                _ = try liveDroplet(droplet, "\(field).droplet", near: near, when: when)
            case .volume(let volume):
                guard volumes[volume] != nil else {
                    throw error("\(field).volume", near: near, "no volume named '\(volume)' exists at \(when)")
                }
            }
            snapshots.insert(spec.name)
        case .deleteSnapshot(let name):
            guard snapshots.remove(name) != nil else {
                throw error("\(field).name", near: near, "no snapshot named '\(name)' exists at \(when)")
            }
        default:
            preconditionFailure("\(action.kind.rawValue) is not a backup or snapshot action")
        }
    }
}
