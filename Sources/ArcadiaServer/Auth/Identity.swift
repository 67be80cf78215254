import ArcadiaCore

/// Who is calling, from a verified token: the subject and what it may see. A platform admin sees
/// the whole ledger; a tenant (token role `tenant`, tenant id `tenants.code`) only its own rows.
public struct Identity: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case platformAdmin = "platform_admin"
        case tenant
    }

    public var subject: String
    public var scope: LedgerScope

    public init(subject: String, scope: LedgerScope) {
        self.subject = subject
        self.scope = scope
    }

    public var isPlatformAdmin: Bool { scope == .platform }
}
