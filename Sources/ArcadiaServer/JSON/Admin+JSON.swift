import ArcadiaCore
import Foundation

extension Tenant {
    var json: JSONValue { .object(["code": .string(code), "name": .string(name), "country": .string(country)]) }
}

extension Subscription {
    var json: JSONValue {
        .object([
            "id": .int(id),
            "deployment": .string(deploymentCode),
            "plan": .string(planCode),
            "addons": .array(addonCodes.map(JSONValue.string)),
            "started_at": .string(startedAt.iso8601),
            "ended_at": .text(endedAt?.iso8601),
        ])
    }
}

extension TenancyQuery.DeploymentView {
    var json: JSONValue {
        .object([
            "code": .string(deployment.code),
            "tenant": .string(tenantCode),
            "name": .string(deployment.name),
            "project": .string(deployment.projectName),
            "subscription": liveSubscription?.json ?? .null,
        ])
    }
}

extension StoredPriceBook {
    var json: JSONValue {
        .object([
            "id": .int(id),
            "name": .string(book.name),
            "effective_from": .string(book.effectiveFrom.isoDate),
            "prorate": .bool(book.prorate),
            "source": .text(source),
            "plans": .array(book.plans.map { .string($0.code) }),
            "addons": .array(book.addons.map { .string($0.code) }),
            "tax_countries": .array(book.taxRates.map { .string($0.country) }),
        ])
    }
}

extension IgnoreRule {
    var json: JSONValue {
        .object([
            "id": .string(id),
            "kind": .text(kind?.rawValue),
            "name_glob": .text(nameGlob),
            "tag": .text(tag),
            "field": .string(field),
            "reason": .string(reason),
            "expires": .string(expires.iso8601),
        ])
    }
}

extension RollupReport {
    var json: JSONValue {
        .object([
            "period": .string(period.description),
            "force": .bool(force),
            "price_book": .text(priceBook),
            "failure": .text(failure),
            "tenants": .array(tenants.map { tenant in
                .object([
                    "tenant": .string(tenant.tenant),
                    "outcome": .string(tenant.outcome.description),
                    "findings": .array(tenant.findings.map(JSONValue.string)),
                    "notes": .array(tenant.notes.map(JSONValue.string)),
                ])
            }),
        ])
    }
}

extension IssueReport {
    var json: JSONValue {
        .object(["issued": .array(issued.map(JSONValue.string)), "findings": .array(findings.map(JSONValue.string)),
                 "rebuilt": .array(rebuilt.map(JSONValue.string))])
    }
}
