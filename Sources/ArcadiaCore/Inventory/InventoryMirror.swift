import Synchronization

/// The inventory rows of each kind as the last reconcile left them, kept between listings so a
/// listing where little changed reconciles only what did, without reading the kind's rows back.
/// It is right only while its sync is the one writer of those kinds' rows, as in the simulator,
/// which owns its ledger; a row set is taken out for a reconcile and put back only once the
/// reconcile's transaction has committed, so a failed write leaves none to be trusted and the
/// next listing reads the ledger. A fast path like the listing memo: a test holds every shipped
/// scenario's ledgers equal without it.
public final class InventoryMirror: Sendable {
    private let rows = Mutex<[ResourceKind: InventoryStore.Rows]>([:])
    /// Where the last project attribution left the resources it met, kept alike.
    private let attributed = Mutex<ProjectStore.Attributed?>(nil)

    public init() {}

    func take(_ kind: ResourceKind) -> InventoryStore.Rows? {
        rows.withLock { $0.removeValue(forKey: kind) }
    }

    func put(_ kind: ResourceKind, _ kindRows: InventoryStore.Rows) {
        rows.withLock { $0[kind] = kindRows }
    }

    /// A failed listing recorded an outage of `kinds`: their next reconcile must end it.
    func outageRecorded(_ kinds: [ResourceKind]) {
        rows.withLock { rows in
            for kind in kinds { rows[kind]?.outageClosed = false }
        }
    }

    func takeAttributed() -> ProjectStore.Attributed? {
        attributed.withLock { $0.take() }
    }

    func putAttributed(_ value: ProjectStore.Attributed) {
        attributed.withLock { $0 = value }
    }
}
