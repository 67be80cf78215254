import GRDB
import Synchronization

/// Each droplet's backups as last listed. DO names a droplet's backups in its `backup_ids`, and a
/// backup never changes once taken, so while a droplet shows the ids of the backups listed last
/// time, those are its backups: the backups worker asks DO again only for droplets whose ids
/// differ. (The ids compared are the listing's own, not the droplet's when it was listed, so a
/// backup taken between the droplet listing and its backups' listing costs one request more, not
/// a stale answer.) With daily backups that is about one droplet in 24 an hour instead of every
/// one, which DO's 5,000-requests-an-hour limit would stop past about 4,800 droplets.
///
/// A reference shared by the copies of one worker, kept for the life of the process and filled
/// first from the ledger (`seed`), so a restart asks for no more than the hour's changes either.
/// It holds observations, so an unchanged droplet's backups reach the reconcile as the very
/// values its rows were last written from.
public final class BackupListings: Sendable {
    private struct Listed: Sendable {
        var backupIDs: Set<Int>
        var backups: [ObservedResource]

        /// Nil unless every provider id is DO's integer image id (one that is not could never
        /// match `backup_ids`).
        init?(_ backups: [ObservedResource]) {
            let ids = Set(backups.compactMap { Int($0.providerID) })
            guard ids.count == backups.count else { return nil }
            (backupIDs, self.backups) = (ids, backups)
        }
    }

    private struct State: Sendable {
        var listed: [Int: Listed] = [:]
        var seeded = false
    }

    private let state = Mutex(State())

    public init() {}

    /// True until `seed` has run.
    var needsSeed: Bool { state.withLock { !$0.seeded } }

    /// The droplet's backups as last listed, if they are the ones it shows now (`backupIDs`).
    func backups(ofDroplet id: Int, showing backupIDs: [Int]) -> [ObservedResource]? {
        state.withLock { state in
            guard let last = state.listed[id], last.backupIDs.count == backupIDs.count,
                  backupIDs.allSatisfy(last.backupIDs.contains) else { return nil }
            return last.backups
        }
    }

    /// A complete listing of the droplet's backups (a listing with an id that is not DO's
    /// integer image id is not kept, so it is asked for again).
    func remember(_ backups: [ObservedResource], ofDroplet id: Int) {
        state.withLock { $0.listed[id] = Listed(backups) }
    }

    /// Forgets droplets that are not in `droplets` (destroyed, or their backups off and gone); an
    /// hour that forgets none, nearly every one, copies nothing.
    func keepOnly(_ droplets: Set<Int>) {
        state.withLock { state in
            for id in state.listed.keys where !droplets.contains(id) { state.listed[id] = nil }
        }
    }

    /// Fills the listings, once, with the backups the ledger holds as the last complete listing
    /// left them (`stored`). Those rows were written from DO's own listings of backups that never
    /// change, so they stand for a listing while the droplet shows their ids. Without them a
    /// restarted service, or a one-shot `arcadia sync`, would ask for every backed-up droplet's
    /// backups at once: a fleet of a few thousand would spend the hour's rate limit, and the
    /// burst limit for minutes, starving every other worker. A droplet listed already keeps
    /// its listing.
    func seed(_ stored: [CloudResource]) {
        var byDroplet: [Int: [ObservedResource]] = [:]
        for row in stored {
            let backup = row.observation
            guard case .string(let text)? = backup.attributes["droplet_id"], let droplet = Int(text) else { continue }
            byDroplet[droplet, default: []].append(backup)
        }
        state.withLock { state in
            guard !state.seeded else { return }
            state.seeded = true
            for (droplet, backups) in byDroplet where state.listed[droplet] == nil {
                state.listed[droplet] = Listed(backups)
            }
        }
    }

    /// Seeds the listings from the ledger, the first time it is asked. A read on the calling
    /// thread, as the sync's writes are.
    func seedIfNeeded(from ledger: Ledger) throws {
        guard needsSeed else { return }
        seed(try ledger.read(Self.stored))
    }

    /// The backups the last complete listing found (live rows it did not miss), in the order they
    /// were first stored.
    static func stored(_ db: Database) throws -> [CloudResource] {
        try CloudResource
            .filter(CloudResource.Columns.kind == ResourceKind.dropletBackup && CloudResource.Columns.staleAt == nil
                && CloudResource.Columns.missedListings == 0)
            .order(CloudResource.Columns.id)
            .fetchAll(db)
    }
}
