/// Tenant and deployment codes name goldens' rows, invoices and API paths, so they are kept to a
/// slug: lowercase ASCII letters, digits, `-` and `_`, starting with a letter or digit, and no
/// longer than the service's queries take. One rule for the admin API, imports and scenarios.
public enum TenancyCode {
    public static let longest = 64

    public static func isValid(_ code: String) -> Bool {
        let allowed: (UInt8) -> Bool = { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard let first = code.utf8.first, allowed(first), code.utf8.count <= longest else { return false }
        return code.utf8.allSatisfy { allowed($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}
