import Foundation

extension Board {
    /// The changes that bring the alerts in line with the rules at `now`: a raise for each condition
    /// without an active alert, a clear for each active alert whose condition has ended. Empty when
    /// the alerts are current. Any writing console may run this; a raise another console made first
    /// is rejected as "already raised", which is harmless.
    public func alertChanges(_ rules: AlertRules, at now: Date, officer: String) -> [Change] {
        let conditions = alertConditions(rules, at: now)
        let holding = Set(conditions.map(\.alertId))
        var out: [Change] = []
        for c in conditions where alerts[c.alertId] == nil {
            let alert = Alert(rule: c.rule, subject: c.subject, text: c.text, severity: c.severity,
                              raised: Stamp(at: now, by: officer))
            out.append(Change(officer: officer, at: now, action: .raiseAlert(alert)))
        }
        for id in alerts.keys.sorted() where !holding.contains(id) {
            out.append(Change(officer: officer, at: now, action: .clearAlert(id: id)))
        }
        return out
    }
}
