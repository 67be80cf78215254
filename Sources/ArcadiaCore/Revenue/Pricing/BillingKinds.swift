/// The billing kinds metering records usage under (DESIGN §2 "Metering"). Price books may only
/// price these, so a misspelt kind (`droplet_hour`) is an error in the book rather than an
/// allowance that silently never meets any usage.
public enum BillingKinds {
    public static let metered = ["droplet_hours", "spaces_gb_month", "snapshot_gb_month", "backup_gb_month", "dns_zones"]
}
