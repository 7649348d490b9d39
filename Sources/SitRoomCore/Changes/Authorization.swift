import Foundation

/// Who may make which change, checked where a change is committed (`Board.apply`), so that no front
/// end can go around it. A board without a roster allows everything: one person's laptop, as before.
extension Board {
    func authorize(_ change: Change) throws {
        guard hasRoster else { return }
        guard let origin = change.origin else {
            throw ChangeError("this situation has a roster, and the change says nothing of who made it", field: "officer")
        }
        guard let officer = roster[change.officer] else {
            throw ChangeError("\(change.officer) is not on this situation's roster; an admin adds you with: "
                              + "sitroom officers add \(change.officer) --name NAME --role officer "
                              + (origin.key.map { "--key \($0)" } ?? "--os-user \(origin.osUser)"), field: "officer")
        }
        guard officer.isActive else { throw ChangeError("officer \(officer.id) is retired and can change nothing", field: "officer") }
        guard officer.isIdentified(by: origin) else {
            throw ChangeError("\(origin.description) is not officer \(officer.id) on the roster", field: "officer")
        }
        let (needed, what) = requirement(of: change)
        guard officer.role >= needed else {
            throw ChangeError("\(what) needs the \(needed.rawValue) role; \(officer.id) is \(officer.role.rawValue)", field: "officer")
        }
    }

    /// The lowest role that may make `change`, and the words for what it does.
    func requirement(of change: Change) -> (OfficerRole, String) {
        let supervisor = OfficerRole.supervisor
        switch change.action {
        case .roster: return (.admin, "changing the roster")
        case .setAlertRules: return (.admin, "setting the alert rules")
        case .acknowledgeAlert: return (supervisor, "acknowledging an alert")
        case .markBriefing: return (supervisor, "marking a briefing")
        case .setIncident: return (supervisor, "setting the incident")
        case .addHospital, .editHospital: return (supervisor, "adding or editing a hospital")
        case .addAgency, .editAgency: return (supervisor, "adding or editing an agency")
        case .setConditions: return (supervisor, "setting the condition table")
        case .setBaselines, .takeBaselines, .restoreBaselines: return (supervisor, "setting the baselines")
        case .reportFeed, .revertFeed: return (supervisor, "importing the feed")
        case .security(.types): return (supervisor, "setting the incident types")
        case .removeLog(let id) where log.first(where: { $0.id == id })?.entered.by == change.officer:
            return (.officer, "deleting your own log entry")
        case .removeRestrictions(let ids) where ids.allSatisfy({ restrictions[$0]?.entered.by == change.officer }):
            return (.officer, "deleting your own restriction")
        case .security(.remove(let id, _)) where securityIncidents[id]?.reported.by == change.officer:
            return (.officer, "deleting your own incident")
        case .removeHospital, .removeStrike, .removeAgency, .removeContact, .removeLog, .removeAction,
             .removeRestrictions, .security(.remove):
            return (supervisor, "deleting a record another officer entered")
        default: return (.officer, "entering or changing reports")
        }
    }
}
