import Testing
@testable import arcadia

struct AllocatorTuningTests {
    /// glibc refuses a setting it does not know by returning 0: both must be taken.
    @Test func theAllocatorTakesBothSettings() {
        #expect(AllocatorTuning.apply())
    }
}
