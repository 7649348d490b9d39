import Foundation

/// Korea's emergency institution classes (NEMC codes).
public enum HospitalClass: String, Codable, Sendable, CaseIterable {
    case regionalCentre = "G001"
    case localCentre = "G006"
    case localInstitution = "G007"
    case registeredER = "G009"
    case other = "G099"

    public var shortLabel: String {
        switch self {
        case .regionalCentre: "RC"
        case .localCentre: "LC"
        case .localInstitution: "LI"
        case .registeredER: "RE"  // not "ER": beside the ER status column it read as a state
        case .other: "--"
        }
    }

    public var label: String {
        switch self {
        case .regionalCentre: "regional centre"
        case .localCentre: "local centre"
        case .localInstitution: "local institution"
        case .registeredER: "registered ER"
        case .other: "other"
        }
    }
}

/// Emergency room status, worst last.
public enum ERState: String, Codable, Sendable, CaseIterable, Comparable {
    case open, limited, diverting, closed

    public var severity: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: ERState, b: ERState) -> Bool { a.severity < b.severity }
}

public struct ERStatus: Codable, Sendable, Equatable {
    public var state: ERState
    public var reason: String

    public init(state: ERState, reason: String = "") {
        self.state = state
        self.reason = reason
    }
}

/// A hospital with an emergency room: identity, then figures that each carry their own stamp.
public struct Hospital: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var romanizedName: String
    public var region: String
    public var hospitalClass: HospitalClass
    public var address: String
    public var switchboard: String
    public var erPhone: String
    /// How often a report is expected; an older one is stale.
    public var updateIntervalMinutes: Int

    public var erStatus: Reported<ERStatus>?
    public var erBeds: Reported<Capacity>?
    public var icuBeds: Reported<Capacity>?
    public var nicuBeds: Reported<Capacity>?
    public var picuBeds: Reported<Capacity>?
    public var erDoctors: Reported<Staffing>?
    public var icuDoctors: Reported<Staffing>?

    public var traineesOnRoll: Reported<Int>?
    public var traineesAbsent: Reported<Int>?
    public var resignations: Reported<Int>?
    public var traineesReturned: Reported<Int>?
    public var ordersIssued: Reported<Int>?
    public var ordersServed: Reported<Int>?
    public var ordersComplied: Reported<Int>?

    public var policePost: Reported<Bool>?
    public var openIncidents: Reported<Int>?

    public init(
        id: String, name: String, romanizedName: String = "", region: String = "",
        hospitalClass: HospitalClass = .other, address: String = "",
        switchboard: String = "", erPhone: String = "", updateIntervalMinutes: Int = 60
    ) {
        self.id = id
        self.name = name
        self.romanizedName = romanizedName
        self.region = region
        self.hospitalClass = hospitalClass
        self.address = address
        self.switchboard = switchboard
        self.erPhone = erPhone
        self.updateIntervalMinutes = updateIntervalMinutes
    }
}
