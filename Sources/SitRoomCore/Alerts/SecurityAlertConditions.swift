import Foundation

extension Board {
    /// The security rules that hold at `now`: police late, an incident open long, a repeat incident
    /// (each about the incident), a hospital at level high or lockdown (about the hospital).
    func securityAlertConditions(_ rules: AlertRules, at now: Date, subjects: Set<String>?) -> [AlertCondition] {
        var out: [AlertCondition] = []
        let incidents = subjects.map { $0.compactMap { securityIncidents[$0] } } ?? Array(securityIncidents.values)
        for incident in incidents where incident.isOpen {
            out += incident.alertConditions(rules, at: now, on: self)
        }
        if rules.securityLevelHigh {
            let records = subjects.map { $0.compactMap { hospitalSecurity[$0] } } ?? Array(hospitalSecurity.values)
            for record in records where record.currentLevel >= .high && hospitals[record.hospitalId] != nil {
                let name = hospitals[record.hospitalId]?.name ?? record.hospitalId
                out.append(AlertCondition(rule: .securityLevel, subject: record.hospitalId,
                                          text: "\(name) security level \(record.currentLevel.rawValue)",
                                          severity: record.currentLevel == .lockdown ? .critical : .warning))
            }
        }
        return out
    }
}

extension SecurityIncident {
    func alertConditions(_ rules: AlertRules, at now: Date, on board: Board) -> [AlertCondition] {
        var out: [AlertCondition] = []
        let name = board.hospitals[hospitalId]?.name ?? hospitalId
        let what = board.securityTypes.label(type)
        if rules.policeLateMinutes > 0, let notified, onScene == nil {
            let minutes = Int(now.timeIntervalSince(notified.at) / 60)
            if minutes >= rules.policeLateMinutes {
                out.append(AlertCondition(rule: .policeLate, subject: id,
                                          text: "\(name) police not on scene \(minutes) min after notified (\(what))",
                                          severity: .critical))
            }
        }
        if rules.securityOpenHours > 0, openDuration(at: now) >= Double(rules.securityOpenHours) * 3600 {
            out.append(AlertCondition(rule: .securityOpenLong, subject: id,
                                      text: "\(name) \(what) open over \(rules.securityOpenHours) h", severity: .warning))
        }
        if rules.securityRepeatHours > 0 {
            let window = Double(rules.securityRepeatHours) * 3600
            let earlier = board.securityIncidents.values.contains { other in
                other.id != id && other.hospitalId == hospitalId
                    && (other.occurred.at, other.id) < (occurred.at, id)
                    && occurred.at.timeIntervalSince(other.occurred.at) <= window
            }
            if earlier {
                out.append(AlertCondition(rule: .securityRepeat, subject: id,
                                          text: "\(name) second security incident within \(rules.securityRepeatHours) h",
                                          severity: .warning))
            }
        }
        return out
    }
}
