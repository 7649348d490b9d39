import Foundation

/// One edit an officer made: who, when (wall time of entry) and what.
public struct Change: Codable, Sendable, Equatable {
    public var officer: String
    public var at: Date
    public var action: ChangeAction

    /// Times are kept to whole seconds so that a change reads back from its JSON exactly.
    public init(officer: String, at: Date, action: ChangeAction) {
        self.officer = officer
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.action = action
    }

    public var stamp: Stamp { Stamp(at: at, by: officer) }

    enum CodingKeys: String, CodingKey { case officer, at }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            officer: try c.decode(String.self, forKey: .officer),
            at: try c.decode(Date.self, forKey: .at),
            action: try ChangeAction(from: decoder)
        )
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(officer, forKey: .officer)
        try c.encode(at, forKey: .at)
        try action.encode(to: encoder)
    }
}

/// What a change does. Its JSON form is `{"type": "<kind>.<verb>", ...}`; see the README.
public enum ChangeAction: Sendable, Equatable {
    case setIncident(Incident)

    case addHospital(Hospital)
    case editHospital(id: String, HospitalPatch)
    case reportHospital(id: String, HospitalReport)
    case removeHospital(id: String)

    case addStrike(StrikeAction)
    case editStrike(id: String, StrikePatch)
    case removeStrike(id: String)

    case addAgency(Agency)
    case editAgency(id: String, AgencyPatch)
    case removeAgency(id: String)

    case addContact(Contact)
    case editContact(id: String, ContactPatch)
    case removeContact(id: String)

    case logCall(CallRecord)

    case addLog(LogEntry)
    case removeLog(id: String)

    case addAction(ActionItem)
    case editAction(id: String, ActionPatch)
    case removeAction(id: String)

    /// The `type` tag used in JSON, e.g. `hospital.report`.
    public var type: String {
        switch self {
        case .setIncident: "incident.set"
        case .addHospital: "hospital.add"
        case .editHospital: "hospital.edit"
        case .reportHospital: "hospital.report"
        case .removeHospital: "hospital.remove"
        case .addStrike: "strike.add"
        case .editStrike: "strike.edit"
        case .removeStrike: "strike.remove"
        case .addAgency: "agency.add"
        case .editAgency: "agency.edit"
        case .removeAgency: "agency.remove"
        case .addContact: "contact.add"
        case .editContact: "contact.edit"
        case .removeContact: "contact.remove"
        case .logCall: "call.log"
        case .addLog: "log.add"
        case .removeLog: "log.remove"
        case .addAction: "action.add"
        case .editAction: "action.edit"
        case .removeAction: "action.remove"
        }
    }

    public static let allTypes = [
        "incident.set", "hospital.add", "hospital.edit", "hospital.report", "hospital.remove",
        "strike.add", "strike.edit", "strike.remove", "agency.add", "agency.edit", "agency.remove",
        "contact.add", "contact.edit", "contact.remove", "call.log", "log.add", "log.remove",
        "action.add", "action.edit", "action.remove",
    ]
}

extension ChangeAction: Codable {
    enum CodingKeys: String, CodingKey { case type, id, record, patch, report }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        func id() throws -> String { try c.decode(String.self, forKey: .id) }
        func record<T: Decodable>(_: T.Type) throws -> T { try c.decode(T.self, forKey: .record) }
        func patch<T: Decodable>(_: T.Type) throws -> T { try c.decode(T.self, forKey: .patch) }
        switch type {
        case "incident.set": self = .setIncident(try record(Incident.self))
        case "hospital.add": self = .addHospital(try record(Hospital.self))
        case "hospital.edit": self = .editHospital(id: try id(), try patch(HospitalPatch.self))
        case "hospital.report":
            self = .reportHospital(id: try id(), try c.decode(HospitalReport.self, forKey: .report))
        case "hospital.remove": self = .removeHospital(id: try id())
        case "strike.add": self = .addStrike(try record(StrikeAction.self))
        case "strike.edit": self = .editStrike(id: try id(), try patch(StrikePatch.self))
        case "strike.remove": self = .removeStrike(id: try id())
        case "agency.add": self = .addAgency(try record(Agency.self))
        case "agency.edit": self = .editAgency(id: try id(), try patch(AgencyPatch.self))
        case "agency.remove": self = .removeAgency(id: try id())
        case "contact.add": self = .addContact(try record(Contact.self))
        case "contact.edit": self = .editContact(id: try id(), try patch(ContactPatch.self))
        case "contact.remove": self = .removeContact(id: try id())
        case "call.log": self = .logCall(try record(CallRecord.self))
        case "log.add": self = .addLog(try record(LogEntry.self))
        case "log.remove": self = .removeLog(id: try id())
        case "action.add": self = .addAction(try record(ActionItem.self))
        case "action.edit": self = .editAction(id: try id(), try patch(ActionPatch.self))
        case "action.remove": self = .removeAction(id: try id())
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown change type \"\(type)\"; known: \(Self.allTypes.joined(separator: ", "))")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .setIncident(let r): try c.encode(r, forKey: .record)
        case .addHospital(let r): try c.encode(r, forKey: .record)
        case .editHospital(let id, let p): try c.encode(id, forKey: .id); try c.encode(p, forKey: .patch)
        case .reportHospital(let id, let r): try c.encode(id, forKey: .id); try c.encode(r, forKey: .report)
        case .addStrike(let r): try c.encode(r, forKey: .record)
        case .editStrike(let id, let p): try c.encode(id, forKey: .id); try c.encode(p, forKey: .patch)
        case .addAgency(let r): try c.encode(r, forKey: .record)
        case .editAgency(let id, let p): try c.encode(id, forKey: .id); try c.encode(p, forKey: .patch)
        case .addContact(let r): try c.encode(r, forKey: .record)
        case .editContact(let id, let p): try c.encode(id, forKey: .id); try c.encode(p, forKey: .patch)
        case .logCall(let r): try c.encode(r, forKey: .record)
        case .addLog(let r): try c.encode(r, forKey: .record)
        case .addAction(let r): try c.encode(r, forKey: .record)
        case .editAction(let id, let p): try c.encode(id, forKey: .id); try c.encode(p, forKey: .patch)
        case .removeHospital(let id), .removeStrike(let id), .removeAgency(let id),
             .removeContact(let id), .removeLog(let id), .removeAction(let id):
            try c.encode(id, forKey: .id)
        }
    }
}
