/// The version `arcadia --version` prints. Raised with each landed set of issues.
enum ArcadiaVersion {
    static let current = "0.10.0"
}
