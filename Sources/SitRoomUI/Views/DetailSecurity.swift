import Foundation
import SitRoomCore

extension DetailView {
    /// An incident: what happened, its timeline with each step's stamp and the time since the step
    /// before, the police response time, and the hospital's security and figures.
    static func securityIncident(_ i: SecurityIncident, _ model: AppModel) -> (String, [Line]) {
        let board = model.board
        let zone = model.timeZone
        let type = board.securityTypes.type(code: i.type)
        let hospital = board.hospitals[i.hospitalId]
        var lines: [Line] = [
            field("Hospital", (hospital?.name ?? i.hospitalId) + "  " + i.hospitalId),
            field("Type", type.map { "\($0.english) · \($0.korean)" } ?? i.type),
            field("Severity", i.severity.rawValue),
            field("Staff injured", "\(i.staffInjured)"),
            field("What happened", i.text),
            [], [("Timeline".padding(toLength: 20, withPad: " ", startingAt: 0), .header), ("At               After   By", .header)],
        ]
        var previous: Date?
        for step in i.timeline {
            let after = previous.map { "+" + Format.age(step.stamp.at.timeIntervalSince($0)) } ?? ""
            lines.append([(step.label.padding(toLength: 20, withPad: " ", startingAt: 0), .normal),
                          (Format.dateTime(step.stamp.at, zone) + "  ", .normal),
                          (after.padding(toLength: 8, withPad: " ", startingAt: 0), .muted), (step.stamp.by, .muted)])
            previous = step.stamp.at
        }
        if let next = i.nextStep {
            let urgency = i.urgency(at: model.now, rules: model.alertRules)
            lines.append([("next: " + next.label, urgency.role ?? .muted),
                          ("  (" + Format.age(model.now.timeIntervalSince(i.lastStepAt)) + " since the last step)", .muted)])
        }
        lines.append([])
        if let p = i.police {
            var who = SecurityPanel.policeName(p, board)
            if let id = p.contactId, let c = board.contacts[id] { who += " (\(c.agencyId)) " + [c.phone, c.mobile].filter { !$0.isEmpty }.joined(separator: " ") }
            lines.append(field("Police called", who + (p.caller.isEmpty ? "" : "  by " + p.caller)))
        }
        let response = i.policeResponse.map(Format.age)
            ?? i.notified.map { "still waiting, " + Format.age(model.now.timeIntervalSince($0.at)) } ?? "—"
        lines.append(field("Police response", response))
        lines.append(field("Reported after", Format.age(i.reportDelay)))
        if let outcome = i.outcome { lines.append(field("Outcome", outcome.label + (i.outcomeNote.isEmpty ? "" : " — " + i.outcomeNote))) }
        if let hospital { lines += [[], [(hospital.name, .header)]] + hospitalSecurity(hospital, model, listing: false) }
        let keys = i.isOpen ? "   e next step · c call the police · d remove" : ""
        lines.append([])
        lines.append([(keys.trimmingCharacters(in: .whitespaces), .muted)])
        return ("Security incident \(i.id)", lines)
    }

    /// A hospital's security level, its police post, and (with `listing`) its incidents.
    static func hospitalSecurity(_ h: Hospital, _ model: AppModel, listing: Bool = true) -> [Line] {
        let board = model.board
        let record = board.hospitalSecurity[h.id]
        let level = record?.currentLevel ?? .normal
        var lines: [Line] = [
            [("Security level".padding(toLength: 16, withPad: " ", startingAt: 0), .header),
             (level.rawValue, level >= .high ? .alert : level == .elevated ? .warning : .normal),
             (record?.level.map { "  " + Format.dateTime($0.at, model.timeZone) + " by " + $0.by } ?? "", .muted)],
            field("Police post", board.policeLink(of: h.id) ?? "none linked: level \(h.id) post=<contact or text>"),
        ]
        guard listing else { return lines }
        let incidents = board.securityIncidents(of: h.id)
        lines.append(field("Incidents", incidents.isEmpty ? "none" : "\(incidents.count(where: \.isOpen)) open of \(incidents.count)"))
        for i in incidents.prefix(8) {
            let state = i.isOpen ? (i.isWaitingForPolice ? "waiting for police" : i.onScene != nil ? "police on scene" : "open")
                                 : "closed " + (i.outcome?.label ?? "")
            lines.append([("  " + i.id.padding(toLength: 6, withPad: " ", startingAt: 0), i.isOpen ? .title : .muted),
                          (Format.dateTime(i.occurred.at, model.timeZone) + "  ", .muted),
                          (board.securityTypes.label(i.type) + "  ", .normal), (state + "  ", i.isOpen ? (i.urgency(at: model.now, rules: model.alertRules).role ?? .normal) : .muted),
                          (i.text, .muted)])
        }
        return lines
    }
}
