/// The name of one field of a record, spelled once. Its raw value is the key in JSON (each enum is
/// its patch's `CodingKeys`), the name a revert lists on the wire, the `field` of a refusal and a
/// form's key, so a misspelt field is a compile error instead of a refusal at run time.
public protocol RecordField: CodingKey, CaseIterable, Codable, Hashable, Sendable, RawRepresentable
where RawValue == String {
    /// The field in words, e.g. "ER beds" (undo's status line says which fields it sets back).
    var label: String { get }
    /// What the fields belong to, in words ("hospital figure", "contact").
    static var recordName: String { get }
}

extension RecordField {
    /// Why a list of fields (a revert's, read from JSON or the journal) cannot hold `name`.
    public static func unknownMessage(_ name: String) -> String {
        "unknown \(recordName) field \"\(name)\" to revert; known: \(allCases.map(\.rawValue).joined(separator: ", "))"
    }
}

extension Hospital {
    /// The figures an officer reports (`HospitalReport`), each stamped on its own; what a
    /// `hospital.revert` sets back. `erState` and `erReason` are both the ER status.
    public enum Figure: String, RecordField {
        case erState, erReason, erBeds, icuBeds, nicuBeds, picuBeds, erDoctors, icuDoctors
        case traineesOnRoll, traineesAbsent, resignations, traineesReturned
        case ordersIssued, ordersServed, ordersComplied, policePost, openIncidents

        public static let recordName = "hospital figure"

        public var label: String {
            switch self {
            case .erState, .erReason: "ER status"
            case .erBeds: "ER beds"
            case .icuBeds: "ICU beds"
            case .nicuBeds: "neonatal ICU beds"
            case .picuBeds: "paediatric ICU beds"
            case .erDoctors: "ER doctors"
            case .icuDoctors: "ICU doctors"
            case .traineesOnRoll: "trainees on roll"
            case .traineesAbsent: "trainees absent"
            case .resignations: "resignations"
            case .traineesReturned: "trainees returned"
            case .ordersIssued: "orders issued"
            case .ordersServed: "orders served"
            case .ordersComplied: "orders complied"
            case .policePost: "police post"
            case .openIncidents: "open incidents"
            }
        }
    }

    /// The details an edit sets (`HospitalPatch`).
    public enum Detail: String, RecordField {
        case name, romanizedName, region, hospitalClass, address, switchboard, erPhone, updateIntervalMinutes

        public static let recordName = "hospital"

        public var label: String {
            switch self {
            case .romanizedName: "romanized name"
            case .hospitalClass: "class"
            case .erPhone: "ER phone"
            case .updateIntervalMinutes: "update interval"
            case .name, .region, .address, .switchboard: rawValue
            }
        }
    }
}

extension StrikeAction {
    /// The fields an edit sets (`StrikePatch`) and a `strike.revert` sets back.
    public enum Field: String, RecordField {
        case organisation, form, start, end, scope, participants, notes

        public static let recordName = "strike action"

        public var label: String { rawValue }
    }
}

extension Agency {
    /// The fields an edit sets (`AgencyPatch`).
    public enum Field: String, RecordField {
        case name, kind, phone, notes

        public static let recordName = "agency"

        public var label: String { rawValue }
    }
}

extension Contact {
    /// The fields an edit sets (`ContactPatch`) and a `contact.revert` sets back.
    public enum Field: String, RecordField {
        case agencyId, person, role, phone, mobile, email, shift, escalation, lastVerified

        public static let recordName = "contact"

        public var label: String {
            switch self {
            case .agencyId: "agency"
            case .escalation: "escalation order"
            case .lastVerified: "last verified"
            case .person, .role, .phone, .mobile, .email, .shift: rawValue
            }
        }
    }
}

extension ActionItem {
    /// The fields an edit sets (`ActionPatch`) and an `action.revert` sets back.
    public enum Field: String, RecordField {
        case text, ownerAgencyId, due, status

        public static let recordName = "action item"

        public var label: String { self == .ownerAgencyId ? "owner" : rawValue }
    }
}

extension LogEntry {
    /// Every field of a log entry (its JSON keys); the new-entry form has one for each an officer types.
    public enum Field: String, RecordField {
        case id, eventTime, entered, category, severity, text, hospitalId, agencyId

        public static let recordName = "log entry"

        public var label: String {
            switch self {
            case .eventTime: "happened at"
            case .hospitalId: "hospital"
            case .agencyId: "agency"
            case .id, .entered, .category, .severity, .text: rawValue
            }
        }
    }

    typealias CodingKeys = Field
}

extension Incident {
    /// Every field of the incident (its JSON keys).
    public enum Field: String, RecordField {
        case name, periodStart, periodHours, isDemo

        public static let recordName = "incident"

        public var label: String { rawValue }
    }

    typealias CodingKeys = Field
}

// The patches' JSON keys are the record's fields.
extension HospitalReport { typealias CodingKeys = Hospital.Figure }
extension HospitalPatch { typealias CodingKeys = Hospital.Detail }
extension StrikePatch { typealias CodingKeys = StrikeAction.Field }
extension AgencyPatch { typealias CodingKeys = Agency.Field }
extension ContactPatch { typealias CodingKeys = Contact.Field }
extension ActionPatch { typealias CodingKeys = ActionItem.Field }
