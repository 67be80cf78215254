import DigitalOcean
import GRDB
import MoneyAndTime

/// `--derive-usage`: usage for months the ledger did not meter, read from an imported month's
/// lines. Each line becomes at most one `DerivedUsageRecord` spanning the line's own start and end,
/// for the deployment that owns the line's project (`deployments.project_name`). Which lines
/// qualify follows `MeteredKinds`: only kinds a billing kind exists for (`docs/history.md`).
///
/// - droplet → `droplet_hours` = the CSV's `hours` (what ran, not DO's 672-hour billing cap);
/// - snapshot → `snapshot_gb_month` = size × hours ÷ hours in the month, rounded half up to
///   millionths (metering's rule). DO's CSV has no size column: the size is the description's
///   trailing `<n>GB` (`web-1-pre (syd1) 2.34GB`, the form DO writes for volumes and snapshots);
/// - droplet backups → `backup_gb_month` the same way, but DO's backup lines (`web-1 (Weekly
///   Backup Services)`) carry no size (a backup is priced as a share of its droplet), so they are
///   listed as not derivable rather than guessed;
/// - the Spaces subscription is the account's (its `250GB` is the allowance, not stored data),
///   tax is not usage, and volumes, reserved IPs, load balancers, … have no billing kind: listed.
///
/// A line with an empty `project_name` is assigned by the project map (first matching rule on
/// the resource name), then by `--deployment`; a line that still has no deployment is listed,
/// never guessed.
public struct UsageDerivation: Sendable, Equatable {
    public var projectMap: ProjectMap
    /// `--deployment CODE`: the deployment of lines with no project name the map does not place.
    public var deployment: String?

    public init(projectMap: ProjectMap = ProjectMap(), deployment: String? = nil) {
        self.projectMap = projectMap
        self.deployment = deployment
    }

    /// A line that gave no record, and why.
    public struct SkippedLine: Sendable, Equatable {
        public var lineNo: Int
        public var kind: CostKind
        public var description: String
        public var reason: String
    }

    /// The month's derived records, with the lines that gave none.
    struct Derived {
        var records: [DerivedUsageRecord] = []
        /// Lines that are not usage a billing kind measures.
        var notUsage: [SkippedLine] = []
        /// Lines that are usage but belong to no deployment.
        var unassigned: [SkippedLine] = []
        /// The deployment each line was placed with, usage or not (tax and the account's Spaces
        /// subscription are no deployment's), by line number: its cost follows it.
        var placements: [Int: Int64] = [:]
    }

    func derive(_ db: Database, lines: [CostLine], invoiceRowID: Int64, period: BillingPeriod, at now: Timestamp) throws -> Derived {
        var deployments: [String: Int64] = [:]
        for deployment in try Deployment.fetchAll(db) { deployments[deployment.projectName] = deployment.id }
        let fallback = try deployment.map { code in try Deployment.filter(Deployment.Columns.code == code).fetchOne(db)?.id }
        var derived = Derived()
        for line in lines {
            let skipped = { (reason: String) in SkippedLine(lineNo: line.lineNo, kind: line.kind, description: line.description, reason: reason) }
            let owner: Int64?
            let unowned: String
            if let project = line.projectName {
                owner = deployments[project]
                unowned = "project '\(project)' is owned by no deployment"
            } else if let project = projectMap.project(forResourceNamed: Self.resourceName(line)) {
                owner = deployments[project]
                unowned = "the project map places '\(Self.resourceName(line))' in project '\(project)', which no deployment owns"
            } else {
                owner = fallback ?? nil
                unowned = "no project name, no --project-map rule for '\(Self.resourceName(line))' and no --deployment"
            }
            if let owner, line.kind != .tax, line.kind != .spacesBucket { derived.placements[line.lineNo] = owner }
            let usage: (kind: BillingKind, quantity: UsageQuantity)
            switch Self.usage(of: line, in: period) {
            case .success(let value): usage = value
            case .failure(let reason):
                derived.notUsage.append(skipped(reason.text))
                continue
            }
            guard let deploymentID = owner else {
                derived.unassigned.append(skipped(unowned))
                continue
            }
            derived.records.append(DerivedUsageRecord(
                deploymentID: deploymentID, resourceID: line.matchedResourceID, billingKind: usage.kind, periodStart: line.startAt,
                periodEnd: line.endAt, quantity: usage.quantity, recordedAt: now, invoiceRowID: invoiceRowID, lineNo: line.lineNo))
        }
        return derived
    }

    static func resourceName(_ line: CostLine) -> String {
        CostLineName.name(kind: line.kind, description: line.description, groupDescription: line.groupDescription)
    }

    /// Why a line gives no usage.
    enum NotUsage: Error, Equatable {
        case tax
        case accountLevel
        case noBillingKind(CostKind)
        case noHours
        case noSize
        case spansNoTime
        case hoursBeyondSpan(hours: Int, span: Int64)

        var text: String {
            switch self {
            case .tax: "tax is not usage"
            case .accountLevel: "the Spaces subscription is the account's: its line carries an allowance, not a bucket's stored GB"
            case .noBillingKind(let kind): kind == .other ? "not a metered kind" : "no billing kind meters \(kind) (MeteredKinds)"
            case .noHours: "the line has no hours"
            case .noSize: "the description carries no size (DO's CSV has no size column), so GB-months are not derivable"
            case .spansNoTime: "the line ends where it starts"
            case .hoursBeyondSpan(let hours, let span):
                "its \(hours) hours are more than the \(span) from its start to its end, so they are not one resource's use"
            }
        }
    }

    /// The billing kind and quantity a line stands for.
    static func usage(of line: CostLine, in period: BillingPeriod) -> Result<(kind: BillingKind, quantity: UsageQuantity), NotUsage> {
        switch line.kind {
        case .tax: return .failure(.tax)
        case .spacesBucket: return .failure(.accountLevel)
        default: break
        }
        guard let entry = MeteredKinds.table[ResourceKind(rawValue: line.kind.rawValue)] else {
            return .failure(.noBillingKind(line.kind))
        }
        guard line.endAt > line.startAt else { return .failure(.spansNoTime) }
        guard let hours = line.hours else { return .failure(.noHours) }
        // A line's hours are what one resource ran between its start and end; DO counts a started
        // hour as a whole one.
        let span = (line.endAt.seconds - line.startAt.seconds + 3_599) / 3_600
        guard Int64(hours) <= span else { return .failure(.hoursBeyondSpan(hours: hours, span: span)) }
        let monthHours = Int128(period.days * 24)
        switch entry.measure {
        case .activeHours:
            return .success((entry.billingKind, UsageQuantity(millionths: Int64(hours) * UsageQuantity.unitsPerOne)))
        case .gigabyteMonths:
            guard let size = gigabytes(in: line.description) else { return .failure(.noSize) }
            let millionths = CumulativeRounding.millionths(Int128(size.millionths) * Int128(hours),
                                                           over: monthHours * Int128(UsageQuantity.unitsPerOne))
            return .success((entry.billingKind, UsageQuantity(millionths: millionths)))
        case .months:
            return .success((entry.billingKind, UsageQuantity(millionths: CumulativeRounding.millionths(Int128(hours), over: monthHours))))
        }
    }

    /// The trailing `<n>GB` of a description (`data-1 (nyc1) 100GB`, `web-1-pre (syd1) 2.34GB`).
    static func gigabytes(in description: String) -> UsageQuantity? {
        guard let last = description.split(separator: " ").last, last.hasSuffix("GB") else { return nil }
        return UsageQuantity(String(last.dropLast(2)))
    }
}
