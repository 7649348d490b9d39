extension ChangeAction {
    /// The kind of a change, without its values: its raw value is the `type` tag in JSON, so a
    /// comparison such as `kind == .raiseAlert` is checked by the compiler where a string was not.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case setIncident = "incident.set"
        case addHospital = "hospital.add"
        case editHospital = "hospital.edit"
        case reportHospital = "hospital.report"
        case revertHospital = "hospital.revert"
        case removeHospital = "hospital.remove"
        case addStrike = "strike.add"
        case editStrike = "strike.edit"
        case revertStrike = "strike.revert"
        case removeStrike = "strike.remove"
        case addAgency = "agency.add"
        case editAgency = "agency.edit"
        case removeAgency = "agency.remove"
        case addContact = "contact.add"
        case editContact = "contact.edit"
        case revertContact = "contact.revert"
        case removeContact = "contact.remove"
        case logCall = "call.log"
        case addLog = "log.add"
        case restoreLog = "log.restore"
        case removeLog = "log.remove"
        case addAction = "action.add"
        case editAction = "action.edit"
        case revertAction = "action.revert"
        case restoreAction = "action.restore"
        case removeAction = "action.remove"
        case raiseAlert = "alert.raise"
        case acknowledgeAlert = "alert.ack"
        case clearAlert = "alert.clear"
        case markBriefing = "briefing.mark"
        case setConditions = "conditions.set"
        case reportCapability = "capability.report"
        case revertCapability = "capability.revert"
        case addRestriction = "restriction.add"
        case endRestrictions = "restriction.end"
        case removeRestrictions = "restriction.remove"
        case restoreRestrictions = "restriction.restore"
        case setBaselines = "baseline.set"
        case takeBaselines = "baseline.take"
        case restoreBaselines = "baseline.restore"
        case reportFeed = "feed.report"
        case revertFeed = "feed.revert"
        case securityOpen = "security.open"
        case securityStep = "security.step"
        case securityRemove = "security.remove"
        case securityRestore = "security.restore"
        case securityLevel = "security.level"
        case securityPolice = "security.police"
        case securityHospital = "security.hospital"
        case securityTypes = "security.types"
        case officerAdd = "officer.add"
        case officerEdit = "officer.edit"
        case officerRetire = "officer.retire"
        case setAlertRules = "rules.set"
    }

    public var kind: Kind {
        switch self {
        case .setIncident: .setIncident
        case .addHospital: .addHospital
        case .editHospital: .editHospital
        case .reportHospital: .reportHospital
        case .revertHospital: .revertHospital
        case .removeHospital: .removeHospital
        case .addStrike: .addStrike
        case .editStrike: .editStrike
        case .revertStrike: .revertStrike
        case .removeStrike: .removeStrike
        case .addAgency: .addAgency
        case .editAgency: .editAgency
        case .removeAgency: .removeAgency
        case .addContact: .addContact
        case .editContact: .editContact
        case .revertContact: .revertContact
        case .removeContact: .removeContact
        case .logCall: .logCall
        case .addLog: .addLog
        case .restoreLog: .restoreLog
        case .removeLog: .removeLog
        case .addAction: .addAction
        case .editAction: .editAction
        case .revertAction: .revertAction
        case .restoreAction: .restoreAction
        case .removeAction: .removeAction
        case .raiseAlert: .raiseAlert
        case .acknowledgeAlert: .acknowledgeAlert
        case .clearAlert: .clearAlert
        case .markBriefing: .markBriefing
        case .setConditions: .setConditions
        case .reportCapability: .reportCapability
        case .revertCapability: .revertCapability
        case .addRestriction: .addRestriction
        case .endRestrictions: .endRestrictions
        case .removeRestrictions: .removeRestrictions
        case .restoreRestrictions: .restoreRestrictions
        case .setBaselines: .setBaselines
        case .takeBaselines: .takeBaselines
        case .restoreBaselines: .restoreBaselines
        case .reportFeed: .reportFeed
        case .revertFeed: .revertFeed
        case .security(let s): s.kind
        case .roster(let r): r.kind
        case .setAlertRules: .setAlertRules
        }
    }
}
