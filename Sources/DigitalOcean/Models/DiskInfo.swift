/// One disk of a droplet or size (`disk_info[]`): DO reports local and scratch disks separately.
public struct DiskInfo: Codable, Sendable, Equatable {
    /// `local` or `scratch`.
    public var type: String
    public var size: Amount

    public init(type: String, size: Amount) {
        self.type = type
        self.size = size
    }

    /// `{"amount": 25, "unit": "gib"}`.
    public struct Amount: Codable, Sendable, Equatable {
        public var amount: Int
        public var unit: String

        public init(amount: Int, unit: String) {
            self.amount = amount
            self.unit = unit
        }
    }
}
