import Foundation

/// Whether an ER can take a condition now.
public enum Availability: String, Codable, Sendable, CaseIterable {
    case available, unavailable, unknown

    /// ✓ ✗ ? on a UTF-8 terminal.
    public var mark: String {
        switch self {
        case .available: "✓"
        case .unavailable: "✗"
        case .unknown: "?"
        }
    }

    /// Y N ? where the terminal cannot draw `mark`.
    public var asciiMark: String {
        switch self {
        case .available: "Y"
        case .unavailable: "N"
        case .unknown: "?"
        }
    }

    /// What a quick command writes before a condition: `+stroke`, `-stemi`, `?burns`.
    public var sign: Character {
        switch self {
        case .available: "+"
        case .unavailable: "-"
        case .unknown: "?"
        }
    }

    public init?(sign: Character) {
        guard let match = Self.allCases.first(where: { $0.sign == sign }) else { return nil }
        self = match
    }
}

/// One condition at one ER: available or not, and why (optional).
public struct ConditionStatus: Codable, Sendable, Equatable {
    public var availability: Availability
    public var reason: String

    public init(_ availability: Availability, reason: String = "") {
        self.availability = availability
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey { case availability, reason }

    /// Reads `{"availability": "unavailable", "reason": "…"}` or just `"unavailable"`.
    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            guard let a = Availability(rawValue: text) else {
                throw DecodingError.dataCorruptedError(
                    in: single, debugDescription: "\"\(text)\" is not an availability; use available, unavailable or unknown")
            }
            self.init(a)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Availability.self, forKey: .availability), reason: try c.decodeIfPresent(String.self, forKey: .reason) ?? "")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(availability, forKey: .availability)
        if !reason.isEmpty { try c.encode(reason, forKey: .reason) }
    }
}

/// ER visits in a day, as E-Gen and the ministry count them.
public struct ERVisits: Codable, Sendable, Equatable {
    public var total: Int
    public var severe: Int
    public var mild: Int

    public init(total: Int, severe: Int, mild: Int) {
        self.total = total
        self.severe = severe
        self.mild = mild
    }
}

/// A 24-hour ER, or one on restricted hours (with the hours in words, e.g. `08:00–22:00`).
/// JSON: `"24h"`, or the hours as text.
public enum ERHours: Codable, Sendable, Equatable {
    case allDay
    case restricted(String)

    public static let allDayText = "24h"

    public var isAllDay: Bool { self == .allDay }

    /// `24h`, or the restricted hours.
    public var text: String {
        switch self {
        case .allDay: Self.allDayText
        case .restricted(let hours): hours
        }
    }

    public init(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        self = t.lowercased() == Self.allDayText || t == "24" || t.lowercased() == "24/7" ? .allDay : .restricted(t)
    }

    public init(from decoder: Decoder) throws {
        self.init(text: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// What one ER can do now: each condition, each item of equipment, its hours and its visits, every
/// figure stamped on its own like a hospital's.
public struct HospitalCapability: Codable, Sendable, Equatable, Identifiable {
    public var hospitalId: String
    /// By condition code. A condition missing here is unknown.
    public var conditions: [String: Reported<ConditionStatus>]
    /// By equipment code (`Equipment.egen`): a count, or 1/0 for a yes/no item.
    public var equipment: [String: Reported<Int>]
    public var hours: Reported<ERHours>?
    public var visits: Reported<ERVisits>?

    public var id: String { hospitalId }

    public init(hospitalId: String, conditions: [String: Reported<ConditionStatus>] = [:],
                equipment: [String: Reported<Int>] = [:], hours: Reported<ERHours>? = nil, visits: Reported<ERVisits>? = nil) {
        self.hospitalId = hospitalId
        self.conditions = conditions
        self.equipment = equipment
        self.hours = hours
        self.visits = visits
    }

    /// A condition's availability; unknown when never reported.
    public func availability(of code: String) -> Availability {
        conditions[code]?.value.availability ?? .unknown
    }

    /// How many of the table's conditions are reported available (the row's `19/27`).
    public func availableCount(of table: ConditionTable) -> Int {
        table.conditions.count { conditions[$0.code]?.value.availability == .available }
    }

    /// Every figure's stamp.
    public var stamps: [Stamp] {
        conditions.values.map(\.stamp) + equipment.values.map(\.stamp) + [hours?.stamp, visits?.stamp].compactMap { $0 }
    }

    /// The newest report of any figure.
    public var lastReport: Stamp? { stamps.max { $0.at < $1.at } }

    public var isEmpty: Bool { conditions.isEmpty && equipment.isEmpty && hours == nil && visits == nil }
}

/// An item of key equipment E-Gen reports per ER, with E-Gen's field as its code.
public struct Equipment: Sendable, Equatable, Hashable {
    public var code: String
    public var korean: String
    public var english: String
    /// A count (how many available now); otherwise yes/no, held as 1/0.
    public var isCount: Bool

    public init(code: String, korean: String, english: String, isCount: Bool) {
        self.code = code
        self.korean = korean
        self.english = english
        self.isCount = isCount
    }

    /// The items of E-Gen's real-time availability operation (getEmrrmRltmUsefulSckbdInfoInqire):
    /// the `…ayn` fields are Y/N, `hv10` and `hv11` counts.
    public static let egen: [Equipment] = [
        Equipment(code: "hvctayn", korean: "CT", english: "CT", isCount: false),
        Equipment(code: "hvmriayn", korean: "MRI", english: "MRI", isCount: false),
        Equipment(code: "hvangioayn", korean: "혈관촬영기", english: "Angiography", isCount: false),
        Equipment(code: "hvventiayn", korean: "인공호흡기", english: "Ventilator", isCount: false),
        Equipment(code: "hvventisoayn", korean: "인공호흡기(조산아)", english: "Ventilator, premature infant", isCount: false),
        Equipment(code: "hvincuayn", korean: "인큐베이터", english: "Incubator", isCount: false),
        Equipment(code: "hvcrrtayn", korean: "CRRT", english: "CRRT", isCount: false),
        Equipment(code: "hvecmoayn", korean: "ECMO", english: "ECMO", isCount: false),
        Equipment(code: "hvoxyayn", korean: "고압산소치료기", english: "Hyperbaric oxygen", isCount: false),
        Equipment(code: "hvhypoayn", korean: "중심체온조절유도기", english: "Hypothermia therapy", isCount: false),
        Equipment(code: "hv10", korean: "VENTI(소아)", english: "Ventilators, paediatric (free)", isCount: true),
        Equipment(code: "hv11", korean: "인큐베이터(보육기)", english: "Incubators (free)", isCount: true),
    ]

    public static func item(code: String) -> Equipment? { egen.first { $0.code == code } }

    /// Up to `limit` equipment codes nearest to `text`.
    public static func closest(_ text: String, limit: Int = 3) -> [Equipment] {
        let query = Array(text.lowercased())
        return egen.enumerated()
            .map { (min(editDistance(query, Array($1.code.lowercased())), editDistance(query, Array($1.english.lowercased()))), $0, $1) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
    }
}

/// A restriction notice: a service an ER does not offer for a while, in words, e.g.
/// "소아 야간 진료 불가 22:00–08:00". It is in force from `from` until `until` (it expires by
/// itself) or until ended.
public struct Restriction: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var hospitalId: String
    public var text: String
    /// A service category in one word (`paediatric`, `obstetric`, `general` …).
    public var category: String
    public var from: Date
    public var until: Date?
    /// Filled from the change that adds it.
    public var entered: Stamp
    /// Filled from the change that ends it.
    public var ended: Stamp?

    public static let defaultCategory = "general"

    public init(id: String, hospitalId: String, text: String, category: String = Restriction.defaultCategory,
                from: Date, until: Date? = nil, entered: Stamp = Stamp(at: .distantPast, by: ""), ended: Stamp? = nil) {
        self.id = id
        self.hospitalId = hospitalId
        self.text = text
        self.category = category
        self.from = from
        self.until = until
        self.entered = entered
        self.ended = ended
    }

    public func inForce(at now: Date) -> Bool {
        ended == nil && from <= now && (until.map { now < $0 } ?? true)
    }

    enum CodingKeys: String, CodingKey { case id, hospitalId, text, category, from, until, entered, ended }

    /// `category` may be left out (general); `entered` too, since the change fills it.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), hospitalId: try c.decode(String.self, forKey: .hospitalId),
                  text: try c.decode(String.self, forKey: .text),
                  category: try c.decodeIfPresent(String.self, forKey: .category) ?? Self.defaultCategory,
                  from: try c.decode(Date.self, forKey: .from), until: try c.decodeIfPresent(Date.self, forKey: .until),
                  entered: try c.decodeIfPresent(Stamp.self, forKey: .entered) ?? Stamp(at: .distantPast, by: ""),
                  ended: try c.decodeIfPresent(Stamp.self, forKey: .ended))
    }
}
