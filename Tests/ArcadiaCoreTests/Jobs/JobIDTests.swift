@testable import ArcadiaCore
import Testing

/// `JobID` is compared and hashed by its case's ordinal, not its name: a repeated ordinal would
/// make two jobs one (one settled-runs slot, one dictionary key).
struct JobIDTests {
    @Test func everyJobHasItsOwnOrdinal() {
        #expect(JobID.allCases.map(\.ordinal).sorted() == Array(0..<JobID.allCases.count))
    }

    @Test func jobsAreEqualOnlyToThemselves() {
        for a in JobID.allCases {
            for b in JobID.allCases {
                #expect((a == b) == (a.rawValue == b.rawValue), "\(a) and \(b)")
            }
        }
        #expect(Set(JobID.allCases).count == JobID.allCases.count)
    }
}
