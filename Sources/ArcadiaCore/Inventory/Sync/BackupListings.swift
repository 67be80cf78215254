import Synchronization

/// Each droplet's backups as last listed, with the `backup_ids` its droplet showed then. DO names
/// a droplet's backups in its `backup_ids`, and a backup never changes once taken, so while a
/// droplet shows the same ids its backups are the ones listed last time: the backups worker asks
/// DO again only for droplets whose ids changed. With daily backups that is about one droplet in
/// 24 an hour instead of every one, which DO's 5,000-requests-an-hour limit would stop past about
/// 4,800 droplets.
///
/// A reference shared by the copies of one worker, kept for the life of the process (a restart
/// lists every droplet once). It holds observations, so an unchanged droplet's backups reach the
/// reconcile as the very values its rows were last written from.
public final class BackupListings: Sendable {
    private struct Listed: Sendable {
        var backupIDs: [Int]
        var backups: [ObservedResource]
    }

    private let listed = Mutex<[Int: Listed]>([:])

    public init() {}

    /// The droplet's backups as last listed, if its droplet showed the same `backupIDs` then.
    func backups(ofDroplet id: Int, showing backupIDs: [Int]) -> [ObservedResource]? {
        let sorted = backupIDs.sorted()
        return listed.withLock { listed in listed[id].flatMap { $0.backupIDs == sorted ? $0.backups : nil } }
    }

    /// A complete listing of the droplet's backups, made while it showed `backupIDs`.
    func remember(_ backups: [ObservedResource], ofDroplet id: Int, showing backupIDs: [Int]) {
        let entry = Listed(backupIDs: backupIDs.sorted(), backups: backups)
        listed.withLock { $0[id] = entry }
    }

    /// Forgets droplets that are not in `droplets` (destroyed, or their backups off and gone).
    func keepOnly(_ droplets: Set<Int>) {
        listed.withLock { listed in listed = listed.filter { droplets.contains($0.key) } }
    }
}
