import Foundation

/// What a `capability.report` gives for one hospital: any of its conditions, equipment, hours and
/// visits. Each is stamped by the change; what it leaves out keeps its own stamp.
///
///     {"type": "capability.report", "id": "A1100017",
///      "report": {"conditions": {"Y0020": {"availability": "unavailable", "reason": "neurosurgeon off"},
///                                "Y0010": "available"},
///                 "equipment": {"hvctayn": 1}, "hours": "24h", "visits": {"total": 120, "severe": 30, "mild": 90}}}
public struct CapabilityReport: Codable, Sendable, Equatable {
    public var conditions: [String: ConditionStatus]
    public var equipment: [String: Int]
    public var hours: ERHours?
    public var visits: ERVisits?

    public init(conditions: [String: ConditionStatus] = [:], equipment: [String: Int] = [:],
                hours: ERHours? = nil, visits: ERVisits? = nil) {
        self.conditions = conditions
        self.equipment = equipment
        self.hours = hours
        self.visits = visits
    }

    enum CodingKeys: String, CodingKey { case conditions, equipment, hours, visits }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(conditions: try c.decodeIfPresent([String: ConditionStatus].self, forKey: .conditions) ?? [:],
                  equipment: try c.decodeIfPresent([String: Int].self, forKey: .equipment) ?? [:],
                  hours: try c.decodeIfPresent(ERHours.self, forKey: .hours),
                  visits: try c.decodeIfPresent(ERVisits.self, forKey: .visits))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !conditions.isEmpty { try c.encode(conditions, forKey: .conditions) }
        if !equipment.isEmpty { try c.encode(equipment, forKey: .equipment) }
        try c.encodeIfPresent(hours, forKey: .hours)
        try c.encodeIfPresent(visits, forKey: .visits)
    }

    public var isEmpty: Bool { conditions.isEmpty && equipment.isEmpty && hours == nil && visits == nil }

    /// The figures this report gives (what its undo sets back).
    public var keys: CapabilityKeys {
        CapabilityKeys(conditions: conditions.keys.sorted(), equipment: equipment.keys.sorted(), hours: hours != nil, visits: visits != nil)
    }
}

/// Which of a hospital's capability figures a `capability.revert` sets back.
public struct CapabilityKeys: Codable, Sendable, Equatable {
    public var conditions: [String]
    public var equipment: [String]
    public var hours: Bool
    public var visits: Bool

    public init(conditions: [String] = [], equipment: [String] = [], hours: Bool = false, visits: Bool = false) {
        self.conditions = conditions
        self.equipment = equipment
        self.hours = hours
        self.visits = visits
    }

    enum CodingKeys: String, CodingKey { case conditions, equipment, hours, visits }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(conditions: try c.decodeIfPresent([String].self, forKey: .conditions) ?? [],
                  equipment: try c.decodeIfPresent([String].self, forKey: .equipment) ?? [],
                  hours: try c.decodeIfPresent(Bool.self, forKey: .hours) ?? false,
                  visits: try c.decodeIfPresent(Bool.self, forKey: .visits) ?? false)
    }

    /// `STEMI, stroke, CT, hours`: for undo's status line.
    func described(_ table: ConditionTable) -> String {
        let names = conditions.map { table.condition(code: $0)?.short ?? $0 }
            + equipment.map { Equipment.item(code: $0)?.english ?? $0 }
            + (hours ? ["hours"] : []) + (visits ? ["visits"] : [])
        return names.joined(separator: ", ")
    }
}
