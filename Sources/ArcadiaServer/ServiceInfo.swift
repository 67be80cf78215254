/// What `GET /api/health` answers: which service this is and which version of its API.
public enum ServiceInfo {
    public static let service = "arcadia-cloud"
    /// The API's version: bumped when a response shape or an endpoint changes.
    public static let version = "1.0.0"
}
