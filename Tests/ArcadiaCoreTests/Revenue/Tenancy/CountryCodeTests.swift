import ArcadiaCore
import Testing

/// The one country table: the officially assigned ISO 3166-1 alpha-2 codes and nothing else.
struct CountryCodeTests {
    @Test func onlyOfficiallyAssignedCodesAreCountries() {
        for code in ["AU", "NZ", "US", "GB", "DE", "AQ", "AX", "SS", "CW"] {
            #expect(CountryCode.isAssigned(code), "\(code)")
        }
        // User-assigned (AA, QM–QZ, XA–XZ, ZZ, so XK too), exceptionally or transitionally reserved (UK, EU, AN), and not codes at all.
        for code in ["AA", "QZ", "XX", "XK", "ZZ", "UK", "EU", "AN", "au", "Au", "AUS", "A", ""] {
            #expect(!CountryCode.isAssigned(code), "\(code)")
        }
    }
}
