import Synchronization

/// Each droplet's backups as last listed. DO names a droplet's backups in its `backup_ids`, and a
/// backup never changes once taken, so while a droplet shows the ids of the backups listed last
/// time, those are its backups: the backups worker asks DO again only for droplets whose ids
/// differ. (The ids compared are the listing's own, not the droplet's when it was listed, so a
/// backup taken between the droplet listing and its backups' listing costs one request more, not
/// a stale answer.) With daily backups that is about one droplet in 24 an hour instead of every
/// one, which DO's 5,000-requests-an-hour limit would stop past about 4,800 droplets.
///
/// A reference shared by the copies of one worker, kept for the life of the process (a restart
/// lists every droplet once). It holds observations, so an unchanged droplet's backups reach the
/// reconcile as the very values its rows were last written from.
public final class BackupListings: Sendable {
    private struct Listed: Sendable {
        var backupIDs: Set<Int>
        var backups: [ObservedResource]
    }

    private let listed = Mutex<[Int: Listed]>([:])

    public init() {}

    /// The droplet's backups as last listed, if they are the ones it shows now (`backupIDs`).
    func backups(ofDroplet id: Int, showing backupIDs: [Int]) -> [ObservedResource]? {
        listed.withLock { listed in
            guard let last = listed[id], last.backupIDs.count == backupIDs.count,
                  backupIDs.allSatisfy(last.backupIDs.contains) else { return nil }
            return last.backups
        }
    }

    /// A complete listing of the droplet's backups (whose provider ids are DO's integer image ids;
    /// a listing with any other is not kept, so it is asked for again).
    func remember(_ backups: [ObservedResource], ofDroplet id: Int) {
        let ids = Set(backups.compactMap { Int($0.providerID) })
        guard ids.count == backups.count else { return listed.withLock { _ = $0.removeValue(forKey: id) } }
        listed.withLock { $0[id] = Listed(backupIDs: ids, backups: backups) }
    }

    /// Forgets droplets that are not in `droplets` (destroyed, or their backups off and gone); an
    /// hour that forgets none, nearly every one, copies nothing.
    func keepOnly(_ droplets: Set<Int>) {
        listed.withLock { listed in
            for id in listed.keys where !droplets.contains(id) { listed[id] = nil }
        }
    }
}
