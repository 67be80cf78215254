import DigitalOcean
import MoneyAndTime

/// Why a tenancy change was refused. The ledger is left as it was: every change is one transaction.
public enum TenancyError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidCode(String)
    /// A plan or addon code that is empty (any other text is stored as given; price books check it).
    case emptyCode(kind: String)
    case invalidCountry(String)
    /// A tenant's or deployment's `name`, or a deployment's `project` (`DisplayName`).
    case invalidName(field: String, problem: String)
    case duplicateTenant(String)
    case duplicateDeployment(String)
    case unknownTenant(String)
    case unknownDeployment(String)
    /// A deployment owns one project and a project belongs to at most one deployment.
    case projectOwned(project: String, deployment: String)
    case duplicateAddon(String)
    /// A deployment holds at most one live subscription.
    case alreadySubscribed(deployment: String, plan: String, since: Timestamp)
    case notSubscribed(deployment: String, at: Timestamp)
    /// A subscription row covers `[started_at, ended_at)` and must last at least a second.
    case endsAtItsStart(deployment: String, startedAt: Timestamp)
    case unchanged(deployment: String, plan: String)

    public var description: String {
        switch self {
        case .invalidCode(let code): "'\(code)' is not a code: use lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 "
            + "(the service's queries take no longer one)"
        case .emptyCode(let kind): "a \(kind) code must not be empty"
        case .invalidCountry(let country): "'\(country)' is not a country: use an ISO 3166 two-letter code such as AU"
        case .invalidName(let field, let problem): "the \(field) \(problem)"
        case .duplicateTenant(let code): "a tenant with code '\(code)' already exists"
        case .duplicateDeployment(let code): "a deployment with code '\(code)' already exists"
        case .unknownTenant(let code): "no tenant has code '\(code)'"
        case .unknownDeployment(let code): "no deployment has code '\(code)'"
        case .projectOwned(let project, let deployment): "project '\(project)' already belongs to deployment '\(deployment)'"
        case .duplicateAddon(let code): "addon '\(code)' is listed twice"
        case .alreadySubscribed(let deployment, let plan, let since):
            "deployment '\(deployment)' already has a live subscription (plan '\(plan)' since \(since)); change it or end it first"
        case .notSubscribed(let deployment, let at): "deployment '\(deployment)' has no live subscription at \(at)"
        case .endsAtItsStart(let deployment, let startedAt):
            "the subscription of deployment '\(deployment)' started at \(startedAt); it cannot change or end at the same instant"
        case .unchanged(let deployment, let plan):
            "deployment '\(deployment)' already holds plan '\(plan)' with these addons; the change changes nothing"
        }
    }
}
