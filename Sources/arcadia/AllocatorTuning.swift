import CAllocatorTuning
import Foundation

/// glibc's allocator tuned for this process, before its threads start. By default glibc keeps
/// eight arenas a core, each holding on to what its threads freed, and raises its mmap threshold
/// to the largest block freed, so the listing pages (a 200-droplet page is ~340 KB) land in the
/// arenas and stay there after they are freed. One arena a core and a fixed 128 KiB threshold
/// (large blocks always mmap'd, so returned to the system when freed) took a year of 10,000
/// droplets from a 298 MiB peak to 236 MiB, at no cost in time (docs/performance.md).
enum AllocatorTuning {
    /// Whether the allocator took both settings (true where there is nothing to tune).
    @discardableResult
    static func apply() -> Bool {
        arcadia_tune_allocator(Int32(max(2, ProcessInfo.processInfo.activeProcessorCount)), 128 * 1_024) == 1
    }
}
