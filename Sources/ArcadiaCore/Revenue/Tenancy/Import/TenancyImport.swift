import DigitalOcean
import GRDB
import MoneyAndTime

/// Imports tenants, deployments, subscriptions with their dates, and price books into a ledger
/// (`arcadia import tenants`), in one transaction, idempotently: an item the ledger already holds
/// exactly as the input has it is left alone, one it holds differently is refused (an import adds
/// history, it never rewrites it), and the rest is written through the tenancy tables' own store
/// (`TenancyStore`) and `PriceBookStore`, so the rules of the live path apply unchanged.
///
/// Subscriptions: each deployment's events are played in time order into the rows they make (a
/// change ends one row and starts the next). When the ledger holds none for the deployment, every
/// event is applied; when it holds exactly those rows, nothing is; when its rows are the start of
/// them (the file goes on where an earlier import stopped, possibly ending the row that was live),
/// the events after its latest start are applied. Anything else is a conflict.
public struct TenancyImport: Sendable {
    public var ledger: Ledger

    public init(ledger: Ledger) { self.ledger = ledger }

    public func run(_ input: TenancyImportInput) throws(TenancyImportError) -> TenancyImportReport {
        do {
            return try ledger.write(committingOnlyIf: \.changedLedger) { db in
                var report = TenancyImportReport()
                try importBooks(db, input.priceBooks, into: &report)
                try importTenants(db, input.tenants, into: &report)
                try importDeployments(db, input.deployments, into: &report)
                try importSubscriptions(db, input.subscriptions, into: &report)
                return report
            }
        } catch let error as TenancyImportError {
            throw error
        } catch {
            throw TenancyImportError(item: .ledger, field: "", message: "ledger write failed, nothing was imported: \(error)")
        }
    }

    private func importBooks(_ db: Database, _ books: [TenancyImportInput.PriceBookEntry], into report: inout TenancyImportReport) throws {
        for (index, entry) in books.enumerated() {
            let label = "\(entry.book.name) (effective \(entry.book.effectiveFrom.isoDate))"
            if let stored = try PriceBookStore.book(inEffectAt: entry.book.effectiveFrom, db),
               stored.book.effectiveFrom == entry.book.effectiveFrom {
                guard stored.book == entry.book else {
                    throw TenancyImportError(item: .priceBook(index), field: "effective_from", message:
                        "the ledger already holds book '\(stored.book.name)' effective \(entry.book.effectiveFrom.isoDate), "
                            + "and it differs from this one; a stored book is never rewritten (give the new one its own effective date)")
                }
                report.priceBooksUnchanged.append(label)
                continue
            }
            _ = try PriceBookStore.write(entry.book, source: entry.source, db)
            report.priceBooksAdded.append(label)
        }
    }

    /// A code the file gives twice is the file's mistake, said as such: checked before the ledger
    /// is asked, which would otherwise answer about the first entry as if the ledger held it.
    private func refuseRepeated(_ codes: [String], what: String, item: (Int) -> TenancyImportError.Item, section: String) throws {
        var first: [String: Int] = [:]
        for (index, code) in codes.enumerated() {
            if let earlier = first[code] {
                throw TenancyImportError(item: item(index), field: "code", message: "\(what) '\(code)' is also \(section)[\(earlier)]; give each \(what) once")
            }
            first[code] = index
        }
    }

    private func importTenants(_ db: Database, _ tenants: [TenancyImportInput.TenantEntry], into report: inout TenancyImportReport) throws {
        try refuseRepeated(tenants.map(\.code), what: "tenant", item: { TenancyImportError.Item.tenant($0) }, section: "tenants")
        for (index, entry) in tenants.enumerated() {
            if let stored = try Tenant.filter(Tenant.Columns.code == entry.code).fetchOne(db) {
                for (field, have, want) in [("name", stored.name, entry.name), ("country", stored.country, entry.country)] where have != want {
                    throw TenancyImportError(item: .tenant(index), field: field, message:
                        "tenant '\(entry.code)' is in the ledger with \(field) '\(have)', not '\(want)'; an import does not rewrite a tenant")
                }
                report.tenantsUnchanged.append(entry.code)
                continue
            }
            try attempt(.tenant(index)) { _ = try TenancyStore.addTenant(db, code: entry.code, name: entry.name, country: entry.country) }
            report.tenantsAdded.append(entry.code)
        }
    }

    private func importDeployments(_ db: Database, _ deployments: [TenancyImportInput.DeploymentEntry],
                                   into report: inout TenancyImportReport) throws {
        try refuseRepeated(deployments.map(\.code), what: "deployment", item: { TenancyImportError.Item.deployment($0) }, section: "deployments")
        for (index, entry) in deployments.enumerated() {
            if let stored = try Deployment.filter(Deployment.Columns.code == entry.code).fetchOne(db) {
                let tenant = try String.fetchOne(db, Tenant.select(Tenant.Columns.code).filter(key: stored.tenantID)) ?? ""
                for (field, have, want) in [("tenant", tenant, entry.tenant), ("name", stored.name, entry.name),
                                            ("project", stored.projectName, entry.project)] where have != want {
                    throw TenancyImportError(item: .deployment(index), field: field, message:
                        "deployment '\(entry.code)' is in the ledger with \(field) '\(have)', not '\(want)'; an import does not rewrite a deployment")
                }
                report.deploymentsUnchanged.append(entry.code)
                continue
            }
            try attempt(.deployment(index)) {
                _ = try TenancyStore.addDeployment(db, code: entry.code, tenant: entry.tenant, name: entry.name, project: entry.project)
            }
            report.deploymentsAdded.append(entry.code)
        }
    }

    /// One subscription row as the events make it.
    private struct Row: Equatable {
        var plan: String
        var addons: [String]
        var start: Timestamp
        var end: Timestamp?
    }

    private func importSubscriptions(_ db: Database, _ events: [TenancyImportInput.SubscriptionEvent],
                                     into report: inout TenancyImportReport) throws {
        let indexed = Array(events.enumerated())
        var order: [String] = []
        for event in events where !order.contains(event.deployment) { order.append(event.deployment) }
        for code in order {
            let own = indexed.filter { $0.element.deployment == code }
            let deploymentID = try attempt(.subscription(own[0].offset)) { try TenancyStore.requireDeployment(db, code: code) }
            let states = try states(code, own)
            let stored = try Subscription.fetchAll(db, where: "s.deployment_id = ?", arguments: [deploymentID])
                .map { Row(plan: $0.planCode, addons: $0.addonCodes, start: $0.startedAt, end: $0.endedAt) }
            guard let applied = states.lastIndex(of: stored) else {
                throw TenancyImportError(item: .subscription(own[0].offset), field: "deployment", message:
                    "the ledger's subscriptions of deployment '\(code)' (\(Self.describe(stored))) are not where this file's "
                        + "(\(Self.describe(states[states.count - 1]))) were at any point; an import adds history, it does not rewrite it")
            }
            report.subscriptionsUnchanged += stored.count
            let pending = own[applied...]
            for (index, event) in pending {
                try checkInBook(db, event, item: .subscription(index))
                try attempt(.subscription(index)) {
                    switch event.change {
                    case .subscribe(let plan, let addons):
                        _ = try TenancyStore.subscribe(db, deployment: code, plan: plan, addons: addons, at: event.at)
                    case .change(let plan, let addons):
                        let ended = try TenancyStore.live(db, deploymentID: deploymentID)
                        let next = try TenancyStore.change(db, deployment: code, plan: plan, addons: addons, at: event.at)
                        if let ended { report.subscriptionsEnded.append("\(code): \(ended.planCode) from \(ended.startedAt) ended at \(event.at)") }
                        report.subscriptionsAdded.append("\(code): \(next.planCode) from \(next.startedAt)")
                        return
                    case .end:
                        let ended = try TenancyStore.end(db, deployment: code, at: event.at)
                        report.subscriptionsEnded.append("\(code): \(ended.planCode) from \(ended.startedAt) ended at \(event.at)")
                        return
                    }
                    report.subscriptionsAdded.append("\(code): \(Self.planOf(event.change)) from \(event.at)")
                }
            }
        }
    }

    /// The rows a deployment's events make after each of them (`[0]`: none yet), checked as
    /// `TenancyStore` checks them live. The ledger's rows must be one of these states: the events
    /// after it are what the import adds.
    private func states(_ code: String, _ events: [(offset: Int, element: TenancyImportInput.SubscriptionEvent)]) throws -> [[Row]] {
        var rows: [Row] = []
        var states: [[Row]] = [rows]
        for (index, event) in events {
            let live = rows.last.flatMap { $0.end == nil ? $0 : nil }
            func refuse(_ error: TenancyError) -> TenancyImportError {
                TenancyImportError(item: .subscription(index), field: "", message: error.description)
            }
            switch event.change {
            case .subscribe(let plan, let addons):
                if let live { throw refuse(.alreadySubscribed(deployment: code, plan: live.plan, since: live.start)) }
                rows.append(Row(plan: plan, addons: addons.sorted(), start: event.at))
            case .change(let plan, let addons):
                guard let live else { throw refuse(.notSubscribed(deployment: code, at: event.at)) }
                guard event.at > live.start else { throw refuse(.endsAtItsStart(deployment: code, startedAt: live.start)) }
                let next = Row(plan: plan ?? live.plan, addons: addons?.sorted() ?? live.addons, start: event.at)
                guard next.plan != live.plan || next.addons != live.addons else { throw refuse(.unchanged(deployment: code, plan: live.plan)) }
                rows[rows.count - 1].end = event.at
                rows.append(next)
            case .end:
                guard let live else { throw refuse(.notSubscribed(deployment: code, at: event.at)) }
                guard event.at > live.start else { throw refuse(.endsAtItsStart(deployment: code, startedAt: live.start)) }
                rows[rows.count - 1].end = event.at
            }
            states.append(rows)
        }
        return states
    }

    private static func planOf(_ change: TenancyImportInput.SubscriptionEvent.Change) -> String {
        if case .subscribe(let plan, _) = change { return plan }
        return ""
    }

    private static func describe(_ rows: [Row]) -> String {
        rows.isEmpty ? "none" : rows.map { "\($0.plan) from \($0.start)" + ($0.end.map { " to \($0)" } ?? "") }.joined(separator: ", ")
    }

    /// A refusal of the tenancy store, named by the item that caused it.
    /// A plan and addons the book in effect at the event does not sell could never be invoiced:
    /// refused here, as the admin API refuses them, rather than by a failed rollup at the 1st.
    private func checkInBook(_ db: Database, _ event: TenancyImportInput.SubscriptionEvent, item: TenancyImportError.Item) throws {
        // A change names what it changes; what it keeps was checked when it was subscribed.
        let plan: String?, addons: [String]
        switch event.change {
        case .subscribe(let code, let codes): (plan, addons) = (code, codes)
        case .change(let code, let codes): (plan, addons) = (code, codes ?? [])
        case .end: return
        }
        guard let stored = try PriceBookStore.book(inEffectAt: event.at, db) else {
            throw TenancyImportError(item: item, field: "plan", message: "no price book is in effect at \(event.at); "
                + "import one first (this file's pricebooks:, or an earlier import)")
        }
        if let plan, stored.book.plan(plan) == nil {
            throw TenancyImportError(item: item, field: "plan", message: "price book '\(stored.book.name)' (in effect at \(event.at)) has no plan '\(plan)'")
        }
        for (position, addon) in addons.enumerated() where stored.book.addon(addon) == nil {
            throw TenancyImportError(item: item, field: "addons[\(position)]",
                                     message: "price book '\(stored.book.name)' (in effect at \(event.at)) has no addon '\(addon)'")
        }
    }

    private func attempt<T>(_ item: TenancyImportError.Item, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TenancyError {
            throw TenancyImportError(item: item, field: "", message: error.description)
        } catch let error as PriceBookStoreError {
            throw TenancyImportError(item: item, field: "", message: "\(error)")
        }
    }
}
