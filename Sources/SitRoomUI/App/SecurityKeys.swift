import Foundation
import SitRoomCore

extension AppModel {
    /// `c` on a security incident: the command line with a call to the police contact linked to
    /// its hospital started (the outcome and a note are typed, as for any call).
    mutating func callPolice(about id: String) {
        guard let incident = board.securityIncidents[id] else { return }
        let name = board.hospitals[incident.hospitalId]?.name ?? incident.hospitalId
        guard incident.isOpen else {
            say("\(id) is closed; c calls the police about an open incident", role: .muted)
            return
        }
        guard let contactId = board.hospitalSecurity[incident.hospitalId]?.policeContactId ?? incident.police?.contactId,
              board.contacts[contactId] != nil else {
            say("no police contact linked to \(name): level \(incident.hospitalId) post=<contact> links one", role: .warning)
            return
        }
        prompt = Prompt(kind: .command, text: "call \(contactId) ")
    }

    /// `e` on a security incident: its next step on the command line, ready to complete.
    mutating func editSecurityIncident(_ id: String) {
        guard let incident = board.securityIncidents[id] else { return }
        switch incident.nextStep {
        case .notified?: prompt = Prompt(kind: .command, text: "sec \(id) notified ")
        case .onScene?: prompt = Prompt(kind: .command, text: "sec \(id) onscene ")
        case .resolved?: prompt = Prompt(kind: .command, text: "sec \(id) closed ")
        case nil: say("\(id) is closed; a new incident is a (or :sec)", role: .muted)
        }
    }
}
