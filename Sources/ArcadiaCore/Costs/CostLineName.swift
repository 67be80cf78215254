import Foundation

/// The resource name an invoice line bills, read from its description the way DO writes them:
/// `web-1 (s-1vcpu-1gb)` (droplets), `web-1 (Weekly Backup Services)` (backups, named after the
/// droplet), `data (nyc1) 100GB` (volumes), `Unused Floating IP - 1.1.1.1`, and Kubernetes lines
/// whose description is a node-pool hash while `group_description` holds the cluster name.
enum CostLineName {
    static func name(kind: CostKind, description: String, groupDescription: String?) -> String {
        switch kind {
        case .k8sCluster:
            if let group = groupDescription, !group.isEmpty { return String(group.trimmingASCIISpaces) }
            return beforeParenthesis(description)
        case .floatingIP:
            guard let dash = description.range(of: " - ", options: .backwards) else { return beforeParenthesis(description) }
            return String(description[dash.upperBound...].trimmingASCIISpaces)
        default:
            return beforeParenthesis(description)
        }
    }

    /// The description up to the first ` (`, without surrounding spaces. DO's resource names
    /// cannot contain spaces, so the first ` (` is where the name ends.
    private static func beforeParenthesis(_ description: String) -> String {
        let end = description.range(of: " (")?.lowerBound ?? description.endIndex
        return String(description[..<end].trimmingASCIISpaces)
    }
}
