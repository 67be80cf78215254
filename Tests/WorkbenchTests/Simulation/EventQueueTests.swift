import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Testing
@testable import Workbench

@Suite struct EventQueueTests {
    @Test func timelineEventsRunBeforeJobsAtTheSameInstantAndTiesKeepTheirOrder() {
        let t = Timestamp(year: 2026, month: 4, day: 1, hour: 10, minute: 15)
        let timeline = [
            TimelineEvent(at: t, action: .powerOffDroplet(name: "a")),
            TimelineEvent(at: t, action: .powerOnDroplet(name: "b")),
            TimelineEvent(at: t - 60, action: .destroyDroplet(name: "c")),
        ]
        let jobs = [ScheduledJob(.syncDroplets, .every(minutes: 15, offset: 0)), ScheduledJob(.syncProjects, .every(minutes: 15, offset: 0))]
        var queue = EventQueue(timeline: timeline, jobs: jobs, start: t - 300)
        var order: [QueueEntry.Source] = []
        while let entry = queue.popNext() { order.append(entry.source) }
        #expect(order == [.timeline(2), .timeline(0), .timeline(1), .job(0), .job(1)])
    }
}
