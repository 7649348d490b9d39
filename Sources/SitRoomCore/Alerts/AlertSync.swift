import Foundation

extension Board {
    /// The changes that bring the alerts in line with the rules at `now`: a raise for each condition
    /// without an active alert, a clear for each active alert whose condition has ended. Empty when
    /// the alerts are current. Any writing console may run this; a raise another console made first
    /// is rejected as "already raised", which is harmless.
    ///
    /// With `subjects` only the alerts about those hospitals and action items are looked at: what a
    /// change can affect, so that a commit does not evaluate every hospital.
    public func alertChanges(_ rules: AlertRules, at now: Date, officer: String, subjects: Set<String>? = nil) -> [Change] {
        let subjects = subjects.map { capabilityAlertSubjects($0, rules) }
        let conditions = alertConditions(rules, at: now, subjects: subjects)
        let holding = Set(conditions.map(\.alertId))
        var out: [Change] = []
        for c in conditions where alerts[c.alertId] == nil {
            let alert = Alert(rule: c.rule, subject: c.subject, text: c.text, severity: c.severity,
                              raised: Stamp(at: now, by: officer))
            out.append(Change(officer: officer, at: now, action: .raiseAlert(alert)))
        }
        var ended: [String] = []
        for (id, alert) in alerts where !holding.contains(id) && subjects.map({ $0.contains(alert.subject) }) ?? true {
            ended.append(id)
        }
        for id in ended.sorted() { out.append(Change(officer: officer, at: now, action: .clearAlert(id: id))) }
        return out
    }
}
