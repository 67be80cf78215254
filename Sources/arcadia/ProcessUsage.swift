import Foundation

/// The process's own CPU time and peak memory so far (getrusage), for the bench.
struct ProcessUsage {
    var userSeconds: Double
    var peakRSSBytes: Int

    static func now() -> ProcessUsage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        // Linux reports ru_maxrss in kilobytes.
        return ProcessUsage(userSeconds: Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
                            peakRSSBytes: usage.ru_maxrss * 1024)
    }
}
