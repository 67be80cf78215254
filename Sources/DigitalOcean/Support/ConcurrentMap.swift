import Dispatch
import Foundation

/// A map run on every core, for work that is pure per element and costly in bulk: the client
/// decoding a first listing's thousand droplets, the fake encoding them. Each element's result
/// lands at its own index, so the output (and the error thrown: the first by index) is the one
/// a plain `map` gives, whatever the threads do; small inputs are mapped in place.
public enum ConcurrentMap {
    /// `minimumChunk`: the fewest elements worth handing to another thread (the default suits
    /// elements of a few µs, a droplet's JSON).
    public static func map<Element: Sendable, Mapped: Sendable, Failure: Error>(
        _ elements: [Element], minimumChunk: Int = 64, _ transform: @Sendable (Element) throws(Failure) -> Mapped
    ) throws(Failure) -> [Mapped] {
        // Most calls map a few elements, in place.
        let smallest = max(minimumChunk, 1)
        guard elements.count >= 2 * smallest, cores > 1 else { return try elements.map(transform) }
        let chunks = min(cores, elements.count / smallest)
        var results = [Result<Mapped, Failure>?](repeating: nil, count: elements.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in (elements.count * chunk / chunks)..<(elements.count * (chunk + 1) / chunks) {
                    slots.buffer[index] = Result { () throws(Failure) in try transform(elements[index]) }
                }
            }
        }
        var mapped: [Mapped] = []
        mapped.reserveCapacity(elements.count)
        for result in results { mapped.append(try result!.get()) }
        return mapped
    }

    /// The cores a map spreads over, read once: asking costs ~16 µs (it reads cgroup files).
    public static let cores = ProcessInfo.processInfo.activeProcessorCount

    /// The results' storage, shared by the chunks: each writes only its own indexes, and the
    /// caller reads none until all have finished.
    private struct Slots<Mapped, Failure: Error>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result<Mapped, Failure>?>
    }
}
