import DigitalOcean
import GRDB
import MoneyAndTime

/// One run the service's scheduler made (`job_runs`). Only `JobScheduler` writes it: a simulation
/// fires the same jobs but records no runs, so the table is no part of any golden.
public struct JobRun: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "job_runs"

    public enum Columns: String, ColumnExpression {
        case id, job, scheduledAt = "scheduled_at", startedAt = "started_at", finishedAt = "finished_at", outcome, summary
    }

    /// `succeeded`, or `failed` when the job threw or reported a failure (a listing that broke off,
    /// an invoice that would not ingest, a tenant that could not be priced).
    public enum Outcome: String, Sendable, Equatable {
        case succeeded, failed
    }

    public var id: Int64?
    public var job: JobID
    /// The firing this run answered: a table slot, or the instant the scheduler started for a job
    /// that never ran or was overdue.
    public var scheduledAt: Timestamp
    public var startedAt: Timestamp
    public var finishedAt: Timestamp
    public var outcome: Outcome
    /// What the run did, or why it failed, one line per finding.
    public var summary: String

    public init(id: Int64? = nil, job: JobID, scheduledAt: Timestamp, startedAt: Timestamp, finishedAt: Timestamp,
                outcome: Outcome, summary: String) {
        self.id = id
        self.job = job
        self.scheduledAt = scheduledAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.summary = summary
    }

    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        job = try row.decode(forColumn: Columns.job)
        scheduledAt = try row.decode(forColumn: Columns.scheduledAt)
        startedAt = try row.decode(forColumn: Columns.startedAt)
        finishedAt = try row.decode(forColumn: Columns.finishedAt)
        outcome = try row.decode(forColumn: Columns.outcome)
        summary = try row.decode(forColumn: Columns.summary)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.job] = job.rawValue
        container[Columns.scheduledAt] = scheduledAt
        container[Columns.startedAt] = startedAt
        container[Columns.finishedAt] = finishedAt
        container[Columns.outcome] = outcome
        container[Columns.summary] = summary
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Migration `v6-job-runs`.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE job_runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                job TEXT NOT NULL,
                scheduled_at TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
                summary TEXT NOT NULL
            );
            CREATE INDEX job_runs_job ON job_runs(job, scheduled_at);
            """)
    }

    /// When each job last ran, and last succeeded (what a catch-up counts from).
    public struct Latest: Sendable, Equatable {
        public var scheduledAt: Timestamp
        public var succeededAt: Timestamp?
    }

    static func latest(_ db: Database) throws -> [JobID: Latest] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT job, MAX(scheduled_at) AS last, MAX(CASE WHEN outcome = 'succeeded' THEN scheduled_at END) AS last_succeeded
            FROM job_runs GROUP BY job
            """)
        var latest: [JobID: Latest] = [:]
        for row in rows {
            // A job this version no longer has is none of the scheduler's business.
            guard let job = JobID(rawValue: try row.decode(String.self, forColumn: "job")) else { continue }
            latest[job] = Latest(scheduledAt: try row.decode(forColumn: "last"), succeededAt: try row.decode(forColumn: "last_succeeded"))
        }
        return latest
    }
}
