import Foundation
import Synchronization

/// Remembers the decoded items of each listing by their exact JSON bytes. When a listing is
/// fetched again, an element whose bytes are unchanged is not decoded again: decoding DO's bulky
/// droplet JSON costs ~90 µs a droplet, finding and comparing its bytes ~1 µs. A re-sync of a
/// fleet where one droplet changed then decodes one droplet. What is kept is exactly what the
/// last complete listing returned, so memory stays one listing's worth.
public final class ItemMemo: Sendable {
    private struct Table: @unchecked Sendable {
        // Holds only `[ElementBytes: T]` for the Sendable item type T named in the key it is stored under.
        var items: Any
    }

    private let tables = Mutex<[String: Table]>([:])

    public init() {}

    func previous<T: Sendable>(_ key: String, as type: T.Type) -> [ElementBytes: T] {
        tables.withLock { $0[key]?.items as? [ElementBytes: T] } ?? [:]
    }

    func remember<T: Sendable>(_ key: String, items: [ElementBytes: T]) {
        tables.withLock { $0[key] = Table(items: items) }
    }
}

/// One array element's JSON bytes as a dictionary key. Equality compares every byte; the hash
/// reads the length, the first 64 and the last 192 bytes. `Data`'s own hash reads only a prefix,
/// which DO objects with sorted keys share, while their tails (ids, UUIDs, tags) tell them apart.
/// Only speed depends on the hash; correctness rests on equality.
struct ElementBytes: Hashable, Sendable {
    var data: Data

    func hash(into hasher: inout Hasher) {
        hasher.combine(data.count)
        data.withUnsafeBytes { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes.prefix(64)))
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes.suffix(192)))
        }
    }
}
