import Foundation

/// A step recorded on an incident: when it happened, and what goes with it (the police called for
/// `notified`, the outcome for `resolved`).
public struct SecurityStepReport: Codable, Sendable, Equatable {
    public var step: SecurityStep
    public var at: Date
    public var police: PoliceNotice?
    public var outcome: SecurityOutcome?
    public var note: String

    public init(step: SecurityStep, at: Date, police: PoliceNotice? = nil, outcome: SecurityOutcome? = nil, note: String = "") {
        self.step = step
        // Whole seconds, as a change's own time, so that it reads back from JSON exactly.
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.police = police
        self.outcome = outcome
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case step, at, police, outcome, note }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            step: try c.decode(SecurityStep.self, forKey: .step), at: try c.decode(Date.self, forKey: .at),
            police: try c.decodeIfPresent(PoliceNotice.self, forKey: .police),
            outcome: try c.decodeIfPresent(SecurityOutcome.self, forKey: .outcome),
            note: try c.decodeIfPresent(String.self, forKey: .note) ?? "")
    }

    // Empty texts left out, as they may be when read: the old positional coding needs the same shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(step, forKey: .step)
        try c.encode(at, forKey: .at)
        try c.encodeIfPresent(police, forKey: .police)
        try c.encodeIfPresent(outcome, forKey: .outcome)
        try c.encodeIfPresent(note.isEmpty ? nil : note, forKey: .note)
    }
}

/// The changes to hospital security (JSON types `security.*`).
public enum SecurityAction: Sendable, Equatable {
    /// Opens an incident; the `by` of its `occurred` and `reported` stamps is filled from the change.
    case open(SecurityIncident)
    /// Records the next step of an open incident, in timeline order.
    case step(id: String, SecurityStepReport)
    /// Takes an incident off the board; the reason stays in the journal.
    case remove(id: String, reason: String)
    /// Sets an incident exactly as given, stamps included (undo of a step or a removal).
    case restore(SecurityIncident)
    /// Sets a hospital's security level, stamped by the change.
    case level(hospitalId: String, SecurityLevel)
    /// Links the police post or hotline that serves a hospital (a contact, or text, or both).
    case police(hospitalId: String, contactId: String?, text: String)
    /// Sets a hospital's security record exactly as given (undo of a level or a police link).
    case hospital(HospitalSecurity)
    /// Replaces the list of incident types.
    case types(SecurityTypeTable)

    public var kind: ChangeAction.Kind {
        switch self {
        case .open: .securityOpen
        case .step: .securityStep
        case .remove: .securityRemove
        case .restore: .securityRestore
        case .level: .securityLevel
        case .police: .securityPolice
        case .hospital: .securityHospital
        case .types: .securityTypes
        }
    }

    /// The incident or hospital the change is about: what the alert rules look at after it.
    public var subjectId: String? {
        switch self {
        case .open(let r), .restore(let r): r.id
        case .step(let id, _), .remove(let id, _): id
        case .level(let id, _), .police(let id, _, _): id
        case .hospital(let r): r.hospitalId
        case .types: nil
        }
    }

    enum CodingKeys: String, CodingKey { case id, record, step, reason, hospital, level, contact, text, types }

    /// Reads the fields of a change whose `type` was `kind` (one of the `security.*` kinds).
    init(kind: ChangeAction.Kind, from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .securityOpen: self = .open(try c.decode(SecurityIncident.self, forKey: .record))
        case .securityStep:
            self = .step(id: try c.decode(String.self, forKey: .id), try c.decode(SecurityStepReport.self, forKey: .step))
        case .securityRemove:
            self = .remove(id: try c.decode(String.self, forKey: .id), reason: try c.decode(String.self, forKey: .reason))
        case .securityRestore: self = .restore(try c.decode(SecurityIncident.self, forKey: .record))
        case .securityLevel:
            self = .level(hospitalId: try c.decode(String.self, forKey: .hospital), try c.decode(SecurityLevel.self, forKey: .level))
        case .securityPolice:
            self = .police(hospitalId: try c.decode(String.self, forKey: .hospital),
                           contactId: try c.decodeIfPresent(String.self, forKey: .contact),
                           text: try c.decodeIfPresent(String.self, forKey: .text) ?? "")
        case .securityHospital: self = .hospital(try c.decode(HospitalSecurity.self, forKey: .record))
        case .securityTypes: self = .types(SecurityTypeTable(types: try c.decode([SecurityIncidentType].self, forKey: .types)))
        default:
            throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "\(kind.rawValue) is not a security change")
        }
    }

    /// Writes the fields after the `type` the change wrote.
    func encodeFields(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .open(let r), .restore(let r): try c.encode(r, forKey: .record)
        case .step(let id, let s): try c.encode(id, forKey: .id); try c.encode(s, forKey: .step)
        case .remove(let id, let reason): try c.encode(id, forKey: .id); try c.encode(reason, forKey: .reason)
        case .level(let id, let level): try c.encode(id, forKey: .hospital); try c.encode(level, forKey: .level)
        case .police(let id, let contact, let text):
            try c.encode(id, forKey: .hospital); try c.encodeIfPresent(contact, forKey: .contact)
            try c.encodeIfPresent(text.isEmpty ? nil : text, forKey: .text)
        case .hospital(let r): try c.encode(r, forKey: .record)
        case .types(let t): try c.encode(t.types, forKey: .types)
        }
    }
}
