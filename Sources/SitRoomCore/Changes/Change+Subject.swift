extension ChangeAction {
    /// The id of the record a change is about, for highlighting the row that changed.
    public var subjectId: String? {
        switch self {
        case .setIncident, .markBriefing, .setAlertRules: nil
        case .setConditions, .setBaselines, .takeBaselines, .restoreBaselines: nil
        case .reportCapability(let id, _), .revertCapability(let id, _, _): id
        case .reportFeed(let id, _), .revertFeed(let id, _): id
        case .addRestriction(let r): r.hospitalId
        case .restoreRestrictions(let rs): rs.first?.hospitalId
        case .endRestrictions(let ids), .removeRestrictions(let ids): ids.first
        case .raiseAlert(let r): r.subject
        case .acknowledgeAlert(let id, _), .clearAlert(let id): id.split(separator: "/", maxSplits: 1).last.map(String.init)
        case .addHospital(let r): r.id
        case .addStrike(let r): r.id
        case .addAgency(let r): r.id
        case .addContact(let r): r.id
        case .addLog(let r): r.id
        case .addAction(let r): r.id
        case .restoreLog(let r, _): r.id
        case .restoreAction(let r): r.id
        case .logCall(let r): r.contactId ?? r.agencyId
        case .security(let s): s.subjectId
        case .roster(let r): r.officerId
        case .editHospital(let id, _), .reportHospital(let id, _), .removeHospital(let id),
             .editStrike(let id, _), .removeStrike(let id), .editAgency(let id, _), .removeAgency(let id),
             .editContact(let id, _), .removeContact(let id), .removeLog(let id),
             .editAction(let id, _), .removeAction(let id),
             .revertHospital(let id, _, _), .revertStrike(let id, _, _), .revertContact(let id, _, _),
             .revertAction(let id, _, _):
            id
        }
    }
}
