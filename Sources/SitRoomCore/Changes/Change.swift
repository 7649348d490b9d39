import Foundation

/// One edit an officer made: who, when (wall time of entry) and what.
public struct Change: Codable, Sendable, Equatable {
    public var officer: String
    public var at: Date
    public var action: ChangeAction
    /// The OS user and SSH key it came from, filled by the store that commits it (issue 18); nil
    /// in changes made before there was one.
    public var origin: Origin?

    /// Times are kept to whole seconds so that a change reads back from its JSON exactly.
    public init(officer: String, at: Date, action: ChangeAction, origin: Origin? = nil) {
        self.officer = officer
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.action = action
        self.origin = origin
    }

    public var stamp: Stamp { Stamp(at: at, by: officer) }

    enum CodingKeys: String, CodingKey { case officer, at, origin }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            officer: try c.decode(String.self, forKey: .officer),
            at: try c.decode(Date.self, forKey: .at),
            action: try ChangeAction(from: decoder),
            // `allKeys`, not `decodeIfPresent`: the old positional binary coding lists no keys and
            // has no presence byte here (its records never had an origin).
            origin: c.allKeys.contains(.origin) ? try c.decode(Origin.self, forKey: .origin) : nil
        )
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(officer, forKey: .officer)
        try c.encode(at, forKey: .at)
        if let origin { try c.encode(origin, forKey: .origin) }
        try action.encode(to: encoder)
    }
}

/// What a change does. Its JSON form is `{"type": "<kind>.<verb>", ...}`; see the README.
public enum ChangeAction: Sendable, Equatable {
    case setIncident(Incident)

    case addHospital(Hospital)
    case editHospital(id: String, HospitalPatch)
    case reportHospital(id: String, HospitalReport)
    /// Sets exactly the listed figures (`erState` and `erReason` both mean the ER status) back to
    /// their values and stamps in `to`, nil included; every other field stays as it is. Written by
    /// undo (see `Board.inverse(of:)`).
    case revertHospital(id: String, fields: [Hospital.Figure], to: Hospital)
    case removeHospital(id: String)

    case addStrike(StrikeAction)
    case editStrike(id: String, StrikePatch)
    /// Sets exactly the listed fields back to the values in `to`, nil and the participants' stamp
    /// included. Written by undo when an edit patch cannot say it.
    case revertStrike(id: String, fields: [StrikeAction.Field], to: StrikeAction)
    case removeStrike(id: String)

    case addAgency(Agency)
    case editAgency(id: String, AgencyPatch)
    case removeAgency(id: String)

    case addContact(Contact)
    case editContact(id: String, ContactPatch)
    /// Sets exactly the listed fields back to the values in `to`, nil included. Written by undo when
    /// an edit patch cannot say it.
    case revertContact(id: String, fields: [Contact.Field], to: Contact)
    case removeContact(id: String)

    case logCall(CallRecord)

    case addLog(LogEntry)
    /// Puts a removed log entry back exactly as it was (its `entered` stamp kept), at `position` in
    /// the log (clamped to its end). Written by undo.
    case restoreLog(LogEntry, position: Int)
    case removeLog(id: String)

    case addAction(ActionItem)
    case editAction(id: String, ActionPatch)
    /// Sets exactly the listed fields back to the values in `to`, nil included; a status that
    /// changes gains a history entry, as in an edit. Written by undo.
    case revertAction(id: String, fields: [ActionItem.Field], to: ActionItem)
    /// Puts a removed action item back exactly as it was, its status history kept. Written by undo.
    case restoreAction(ActionItem)
    case removeAction(id: String)

    /// Raised by the alert rules (see `Board.alertChanges`); `raised` is filled from the change.
    case raiseAlert(Alert)
    /// An officer saw the alert, with an optional note.
    case acknowledgeAlert(id: String, note: String)
    /// The rule no longer holds; the alert moves to the board's alert history.
    case clearAlert(id: String)

    /// Marks a briefing: "since the last briefing" counts from here. `marked` is filled from the change.
    case markBriefing(Briefing)

    /// Replaces the condition table (another country's list, or a file edited and loaded).
    case setConditions(ConditionTable)
    /// Stamps every capability figure the report gives for the hospital.
    case reportCapability(id: String, CapabilityReport)
    /// Sets exactly the listed capability figures back to their values and stamps in `to`, missing
    /// ones included. Written by undo.
    case revertCapability(id: String, keys: CapabilityKeys, to: HospitalCapability)
    /// A restriction notice; `entered` is filled from the change.
    case addRestriction(Restriction)
    /// Ends restrictions before their time; `ended` is filled from the change.
    case endRestrictions(ids: [String])
    /// Takes restrictions off the board. Written by undo (of an add).
    case removeRestrictions(ids: [String])
    /// Puts restrictions back exactly as they were (replacing any with the same id). Written by undo.
    case restoreRestrictions([Restriction])
    /// Sets the given baseline values by hand; the others stay.
    case setBaselines(BaselineValues)
    /// Replaces every baseline with values taken from the board at `moment` (`sitroom baseline --at`).
    case takeBaselines(BaselineValues)
    /// Puts the baselines back exactly as they were. Written by undo.
    case restoreBaselines(Baselines)

    /// A feed's figures for one hospital at the feed's own time (E-Gen); a figure the board has
    /// from after that time stays.
    case reportFeed(id: String, FeedReport)
    /// Sets back the figures, capability and conflicts a feed report changed. Written by undo.
    case revertFeed(id: String, FeedUndo)
    /// Hospital security: incidents and their timelines, levels, police links, the incident types.
    case security(SecurityAction)
    /// The roster of officers and their roles (issue 18).
    case roster(RosterAction)
    /// The alert rules of every console of the situation; nil hands them back to each console's
    /// data directory (alerts.toml) or the defaults.
    case setAlertRules(AlertRules?)

    /// The `type` tag used in JSON, e.g. `hospital.report`.
    public var type: String { kind.rawValue }

    /// Every `type` tag, in the order of `Kind`.
    public static let allTypes = Kind.allCases.map(\.rawValue)
}

extension ChangeAction: Codable {
    enum CodingKeys: String, CodingKey { case type, id, record, patch, report, fields, position, note, keys, ids }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        guard let kind = Kind(rawValue: type) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown change type \"\(type)\"; known: \(Self.allTypes.joined(separator: ", "))")
        }
        func id() throws -> String { try c.decode(String.self, forKey: .id) }
        func record<T: Decodable>(_: T.Type) throws -> T { try c.decode(T.self, forKey: .record) }
        func patch<T: Decodable>(_: T.Type) throws -> T { try c.decode(T.self, forKey: .patch) }
        // Read as names first, so that a misspelt one is told with the names there are.
        func fields<F: RecordField>() throws -> [F] {
            try c.decode([String].self, forKey: .fields).map { name in
                guard let field = F(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(forKey: .fields, in: c, debugDescription: F.unknownMessage(name))
                }
                return field
            }
        }
        switch kind {
        case .setIncident: self = .setIncident(try record(Incident.self))
        case .addHospital: self = .addHospital(try record(Hospital.self))
        case .editHospital: self = .editHospital(id: try id(), try patch(HospitalPatch.self))
        case .reportHospital:
            self = .reportHospital(id: try id(), try c.decode(HospitalReport.self, forKey: .report))
        // The binary journal coding is positional: these read in the order `encode` writes them.
        case .revertHospital: self = .revertHospital(id: try id(), fields: try fields(), to: try record(Hospital.self))
        case .removeHospital: self = .removeHospital(id: try id())
        case .addStrike: self = .addStrike(try record(StrikeAction.self))
        case .editStrike: self = .editStrike(id: try id(), try patch(StrikePatch.self))
        case .revertStrike: self = .revertStrike(id: try id(), fields: try fields(), to: try record(StrikeAction.self))
        case .removeStrike: self = .removeStrike(id: try id())
        case .addAgency: self = .addAgency(try record(Agency.self))
        case .editAgency: self = .editAgency(id: try id(), try patch(AgencyPatch.self))
        case .removeAgency: self = .removeAgency(id: try id())
        case .addContact: self = .addContact(try record(Contact.self))
        case .editContact: self = .editContact(id: try id(), try patch(ContactPatch.self))
        case .revertContact: self = .revertContact(id: try id(), fields: try fields(), to: try record(Contact.self))
        case .removeContact: self = .removeContact(id: try id())
        case .logCall: self = .logCall(try record(CallRecord.self))
        case .addLog: self = .addLog(try record(LogEntry.self))
        case .restoreLog:
            self = .restoreLog(try record(LogEntry.self), position: try c.decode(Int.self, forKey: .position))
        case .removeLog: self = .removeLog(id: try id())
        case .addAction: self = .addAction(try record(ActionItem.self))
        case .editAction: self = .editAction(id: try id(), try patch(ActionPatch.self))
        case .revertAction: self = .revertAction(id: try id(), fields: try fields(), to: try record(ActionItem.self))
        case .restoreAction: self = .restoreAction(try record(ActionItem.self))
        case .removeAction: self = .removeAction(id: try id())
        case .raiseAlert: self = .raiseAlert(try record(Alert.self))
        case .acknowledgeAlert: self = .acknowledgeAlert(id: try id(), note: try c.decodeIfPresent(String.self, forKey: .note) ?? "")
        case .clearAlert: self = .clearAlert(id: try id())
        case .markBriefing: self = .markBriefing(try record(Briefing.self))
        case .setConditions: self = .setConditions(try record(ConditionTable.self))
        case .reportCapability: self = .reportCapability(id: try id(), try c.decode(CapabilityReport.self, forKey: .report))
        case .revertCapability:
            self = .revertCapability(id: try id(), keys: try c.decode(CapabilityKeys.self, forKey: .keys), to: try record(HospitalCapability.self))
        case .addRestriction: self = .addRestriction(try record(Restriction.self))
        case .endRestrictions: self = .endRestrictions(ids: try c.decode([String].self, forKey: .ids))
        case .removeRestrictions: self = .removeRestrictions(ids: try c.decode([String].self, forKey: .ids))
        case .restoreRestrictions: self = .restoreRestrictions(try record([Restriction].self))
        case .setBaselines: self = .setBaselines(try record(BaselineValues.self))
        case .takeBaselines: self = .takeBaselines(try record(BaselineValues.self))
        case .restoreBaselines: self = .restoreBaselines(try record(Baselines.self))
        case .reportFeed: self = .reportFeed(id: try id(), try c.decode(FeedReport.self, forKey: .report))
        case .revertFeed: self = .revertFeed(id: try id(), try record(FeedUndo.self))
        case .securityOpen, .securityStep, .securityRemove, .securityRestore, .securityLevel, .securityPolice,
             .securityHospital, .securityTypes:
            self = .security(try SecurityAction(kind: kind, from: decoder))
        case .officerAdd, .officerEdit, .officerRetire:
            self = .roster(try RosterAction(kind: kind, from: decoder))
        case .setAlertRules: self = .setAlertRules(try c.decodeIfPresent(AlertRules.self, forKey: .record))
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
        case .revertHospital(let id, let fields, let r):
            try c.encode(id, forKey: .id); try c.encode(fields, forKey: .fields); try c.encode(r, forKey: .record)
        case .addStrike(let r): try c.encode(r, forKey: .record)
        case .editStrike(let id, let p): try c.encode(id, forKey: .id); try c.encode(p, forKey: .patch)
        case .revertStrike(let id, let fields, let r):
            try c.encode(id, forKey: .id); try c.encode(fields, forKey: .fields); try c.encode(r, forKey: .record)
        case .addAgency(let r): try c.encode(r, forKey: .record)
        case .editAgency(let id, let p): try c.encode(id, forKey: .id); try c.encode(p, forKey: .patch)
        case .addContact(let r): try c.encode(r, forKey: .record)
        case .editContact(let id, let p): try c.encode(id, forKey: .id); try c.encode(p, forKey: .patch)
        case .revertContact(let id, let fields, let r):
            try c.encode(id, forKey: .id); try c.encode(fields, forKey: .fields); try c.encode(r, forKey: .record)
        case .logCall(let r): try c.encode(r, forKey: .record)
        case .addLog(let r): try c.encode(r, forKey: .record)
        case .restoreLog(let r, let position): try c.encode(r, forKey: .record); try c.encode(position, forKey: .position)
        case .addAction(let r): try c.encode(r, forKey: .record)
        case .editAction(let id, let p): try c.encode(id, forKey: .id); try c.encode(p, forKey: .patch)
        case .revertAction(let id, let fields, let r):
            try c.encode(id, forKey: .id); try c.encode(fields, forKey: .fields); try c.encode(r, forKey: .record)
        case .restoreAction(let r): try c.encode(r, forKey: .record)
        case .raiseAlert(let r): try c.encode(r, forKey: .record)
        case .acknowledgeAlert(let id, let note):
            try c.encode(id, forKey: .id); try c.encodeIfPresent(note.isEmpty ? nil : note, forKey: .note)
        case .markBriefing(let r): try c.encode(r, forKey: .record)
        case .setConditions(let r): try c.encode(r, forKey: .record)
        case .reportCapability(let id, let r): try c.encode(id, forKey: .id); try c.encode(r, forKey: .report)
        case .revertCapability(let id, let keys, let r):
            try c.encode(id, forKey: .id); try c.encode(keys, forKey: .keys); try c.encode(r, forKey: .record)
        case .addRestriction(let r): try c.encode(r, forKey: .record)
        case .endRestrictions(let ids), .removeRestrictions(let ids): try c.encode(ids, forKey: .ids)
        case .restoreRestrictions(let r): try c.encode(r, forKey: .record)
        case .setBaselines(let r), .takeBaselines(let r): try c.encode(r, forKey: .record)
        case .restoreBaselines(let r): try c.encode(r, forKey: .record)
        case .reportFeed(let id, let r): try c.encode(id, forKey: .id); try c.encode(r, forKey: .report)
        case .revertFeed(let id, let r): try c.encode(id, forKey: .id); try c.encode(r, forKey: .record)
        case .security(let s): try s.encodeFields(to: encoder)
        case .roster(let r): try r.encodeFields(to: encoder)
        case .setAlertRules(let r): try c.encodeIfPresent(r, forKey: .record)
        case .removeHospital(let id), .removeStrike(let id), .removeAgency(let id),
             .removeContact(let id), .removeLog(let id), .removeAction(let id), .clearAlert(let id):
            try c.encode(id, forKey: .id)
        }
    }
}
