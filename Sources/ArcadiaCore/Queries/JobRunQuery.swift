import GRDB

/// The scheduler's runs (`job_runs`), optionally of one job, in the order they were made (id), so
/// pages stay put while the service appends runs after them.
public struct JobRunQuery: Sendable, Equatable {
    public var job: JobID?
    public var page: PageRequest

    public init(job: JobID? = nil, page: PageRequest = PageRequest(limit: 100)) {
        self.job = job
        self.page = page
    }

    public func fetch(_ db: Database) throws -> QueryPage<JobRun> {
        var request = JobRun.all()
        if let job { request = request.filter(JobRun.Columns.job == job.rawValue) }
        let total = try request.fetchCount(db)
        let items = try request.order(JobRun.Columns.id).limit(page.limit, offset: page.offset).fetchAll(db)
        return QueryPage(items: items, total: total, request: page)
    }

    public func fetch(in ledger: Ledger) async throws -> QueryPage<JobRun> {
        try await ledger.read { try fetch($0) }
    }
}
