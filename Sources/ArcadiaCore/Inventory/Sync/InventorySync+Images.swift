import DigitalOcean

/// The image workers: snapshots (one listing) and droplet backups (one listing per droplet that
/// can have any). Both follow the common pattern, so a failed listing counts no miss.
extension InventorySync {
    public func syncSnapshots() async throws -> SyncReport {
        try await syncKind(.syncSnapshots) {
            try await client.list(.snapshots, decoding: InventorySnapshot.self, transform: Normalize.snapshot)
        }
    }

    /// Lists the droplets, then, for each one with backups enabled or still holding backups,
    /// `GET /v2/droplets/{id}/backups` — unless its `backup_ids` are the ids of the backups listed
    /// for it last time (`BackupListings`; after a restart, the ones the ledger holds), which it
    /// then contributes again. The backup listings together are one listing of the kind: if any
    /// fails, nothing is written and nothing counts as missed. A droplet destroyed between the two
    /// steps answers 404; DO deletes a destroyed droplet's backups, so it contributes none.
    public func syncBackups() async throws -> SyncReport {
        try backupListings?.seedIfNeeded(from: ledger)
        return try await syncKind(.syncBackups) {
            let droplets = try await client.list(.droplets, decoding: InventoryDroplet.self, transform: ListedDroplet.init)
            var backups: [ObservedResource] = []
            var pages = droplets.pageCount
            for droplet in droplets.items where droplet.mayHaveBackups {
                if let unchanged = backupListings?.backups(ofDroplet: droplet.id, showing: droplet.backupIDs) {
                    backups += unchanged
                    continue
                }
                let listing: Listing<ObservedResource>
                do {
                    listing = try await client.list(.dropletBackups(dropletID: droplet.id), decoding: InventoryBackup.self) {
                        Normalize.backup($0, dropletID: droplet.id)
                    }
                } catch let error as DigitalOceanError where Self.dropletIsGone(error) {
                    continue
                }
                backupListings?.remember(listing.items, ofDroplet: droplet.id)
                pages += listing.pageCount
                backups += listing.items
            }
            backupListings?.keepOnly(Set(droplets.items.lazy.filter(\.mayHaveBackups).map(\.id)))
            return Listing(items: backups, pageCount: pages, total: backups.count, rateLimit: droplets.rateLimit)
        }
    }

    /// DO's 404 for the first page: the droplet no longer exists. Any other failure (a 404 on a
    /// later page included) fails the listing.
    private static func dropletIsGone(_ error: DigitalOceanError) -> Bool {
        guard case .listingFailed(_, 1, let cause) = error else { return false }
        return cause.status == 404
    }
}
