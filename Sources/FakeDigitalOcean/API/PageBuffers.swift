import Foundation
import Synchronization

/// Memory for large list page bodies, used again once a page is let go. A 200-droplet page is
/// ~340 KB, above the mmap threshold `arcadia` sets (AllocatorTuning), so each fresh page was
/// mapped, faulted in and zeroed by the kernel a page at a time, and unmapped when the client
/// dropped it: after a change to the fleet that was about half the cost of serving a listing.
/// A few freed buffers are kept and handed out again, so memory grows by at most `kept` pages.
final class PageBuffers: Sendable {
    /// Freed buffers as (address, capacity).
    private let free = Mutex<[(address: Int, capacity: Int)]>([])

    static let kept = 8
    /// Smaller bodies come from the heap, where freed memory is reused anyway.
    static let smallest = 128 * 1_024
    static let granule = 64 * 1_024

    /// `count` bytes written by `fill`.
    func data(count: Int, fill: (UnsafeMutableRawBufferPointer) -> Void) -> Data {
        guard count >= Self.smallest else {
            var data = Data(count: count)
            data.withUnsafeMutableBytes(fill)
            return data
        }
        let (pointer, capacity) = take(count)
        fill(UnsafeMutableRawBufferPointer(start: pointer, count: count))
        return Data(bytesNoCopy: pointer, count: count, deallocator: .custom { [self] pointer, _ in giveBack(pointer, capacity: capacity) })
    }

    /// The smallest kept buffer that holds `count` bytes without wasting more than half of it,
    /// or a new one.
    private func take(_ count: Int) -> (UnsafeMutableRawPointer, Int) {
        let kept = free.withLock { buffers -> (address: Int, capacity: Int)? in
            let fitting = buffers.indices.filter { buffers[$0].capacity >= count && buffers[$0].capacity <= 2 * count }
            guard let best = fitting.min(by: { buffers[$0].capacity < buffers[$1].capacity }) else { return nil }
            return buffers.remove(at: best)
        }
        if let kept, let pointer = UnsafeMutableRawPointer(bitPattern: kept.address) { return (pointer, kept.capacity) }
        let capacity = (count + Self.granule - 1) / Self.granule * Self.granule
        return (UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16), capacity)
    }

    private func giveBack(_ pointer: UnsafeMutableRawPointer, capacity: Int) {
        let kept = free.withLock { buffers in
            guard buffers.count < Self.kept else { return false }
            buffers.append((Int(bitPattern: pointer), capacity))
            return true
        }
        if !kept { pointer.deallocate() }
    }
}
