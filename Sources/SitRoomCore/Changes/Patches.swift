import Foundation

// Field-level updates: a nil field is left as it is, so an edit changes only what the officer changed.

/// New figures for a hospital; each one given is stamped with the change's officer and time.
public struct HospitalReport: Codable, Sendable, Equatable {
    public var erState: ERState?
    public var erReason: String?
    public var erBeds: Capacity?
    public var icuBeds: Capacity?
    public var nicuBeds: Capacity?
    public var picuBeds: Capacity?
    public var erDoctors: Staffing?
    public var icuDoctors: Staffing?
    public var traineesOnRoll: Int?
    public var traineesAbsent: Int?
    public var resignations: Int?
    public var traineesReturned: Int?
    public var ordersIssued: Int?
    public var ordersServed: Int?
    public var ordersComplied: Int?
    public var policePost: Bool?
    public var openIncidents: Int?

    public init(
        erState: ERState? = nil, erReason: String? = nil, erBeds: Capacity? = nil, icuBeds: Capacity? = nil,
        nicuBeds: Capacity? = nil, picuBeds: Capacity? = nil, erDoctors: Staffing? = nil,
        icuDoctors: Staffing? = nil, traineesOnRoll: Int? = nil, traineesAbsent: Int? = nil,
        resignations: Int? = nil, traineesReturned: Int? = nil, ordersIssued: Int? = nil,
        ordersServed: Int? = nil, ordersComplied: Int? = nil, policePost: Bool? = nil, openIncidents: Int? = nil
    ) {
        self.erState = erState
        self.erReason = erReason
        self.erBeds = erBeds
        self.icuBeds = icuBeds
        self.nicuBeds = nicuBeds
        self.picuBeds = picuBeds
        self.erDoctors = erDoctors
        self.icuDoctors = icuDoctors
        self.traineesOnRoll = traineesOnRoll
        self.traineesAbsent = traineesAbsent
        self.resignations = resignations
        self.traineesReturned = traineesReturned
        self.ordersIssued = ordersIssued
        self.ordersServed = ordersServed
        self.ordersComplied = ordersComplied
        self.policePost = policePost
        self.openIncidents = openIncidents
    }
}

public struct HospitalPatch: Codable, Sendable, Equatable {
    public var name: String?
    public var romanizedName: String?
    public var region: String?
    public var hospitalClass: HospitalClass?
    public var address: String?
    public var switchboard: String?
    public var erPhone: String?
    public var updateIntervalMinutes: Int?

    public init(
        name: String? = nil, romanizedName: String? = nil, region: String? = nil,
        hospitalClass: HospitalClass? = nil, address: String? = nil, switchboard: String? = nil,
        erPhone: String? = nil, updateIntervalMinutes: Int? = nil
    ) {
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

public struct StrikePatch: Codable, Sendable, Equatable {
    public var organisation: String?
    public var form: StrikeForm?
    public var start: Date?
    public var end: Date?
    public var scope: String?
    public var participants: Int?
    public var notes: String?

    public init(
        organisation: String? = nil, form: StrikeForm? = nil, start: Date? = nil, end: Date? = nil,
        scope: String? = nil, participants: Int? = nil, notes: String? = nil
    ) {
        self.organisation = organisation
        self.form = form
        self.start = start
        self.end = end
        self.scope = scope
        self.participants = participants
        self.notes = notes
    }
}

public struct AgencyPatch: Codable, Sendable, Equatable {
    public var name: String?
    public var kind: AgencyKind?
    public var phone: String?
    public var notes: String?

    public init(name: String? = nil, kind: AgencyKind? = nil, phone: String? = nil, notes: String? = nil) {
        self.name = name
        self.kind = kind
        self.phone = phone
        self.notes = notes
    }
}

public struct ContactPatch: Codable, Sendable, Equatable {
    public var agencyId: String?
    public var person: String?
    public var role: String?
    public var phone: String?
    public var mobile: String?
    public var email: String?
    public var shift: String?
    public var escalation: Int?
    public var lastVerified: Date?

    public init(
        agencyId: String? = nil, person: String? = nil, role: String? = nil, phone: String? = nil,
        mobile: String? = nil, email: String? = nil, shift: String? = nil, escalation: Int? = nil,
        lastVerified: Date? = nil
    ) {
        self.agencyId = agencyId
        self.person = person
        self.role = role
        self.phone = phone
        self.mobile = mobile
        self.email = email
        self.shift = shift
        self.escalation = escalation
        self.lastVerified = lastVerified
    }
}

public struct ActionPatch: Codable, Sendable, Equatable {
    public var text: String?
    public var ownerAgencyId: String?
    public var due: Date?
    public var status: ActionStatus?

    public init(text: String? = nil, ownerAgencyId: String? = nil, due: Date? = nil, status: ActionStatus? = nil) {
        self.text = text
        self.ownerAgencyId = ownerAgencyId
        self.due = due
        self.status = status
    }
}

/// Sets `target` when the patch carries a value.
@inline(__always)
func patch<T>(_ target: inout T, _ value: T?) {
    if let value { target = value }
}
