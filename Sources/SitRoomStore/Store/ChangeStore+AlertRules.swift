import Foundation
import SitRoomChangeStore
import SitRoomCore

extension ChangeStore {
    /// Commits `changes` and, in the same durable write, the alert changes the rules then ask for:
    /// looking only at the records the changes touched, or, with no changes, at every record (the
    /// minute's sync: reports go stale and actions overdue as time passes). What a console's
    /// commit, its minute's sync and `sitroom apply` all do. The rules are the board's when an admin
    /// set them, else `rules` (the directory's file, or the defaults); new rules look at everything.
    public func commit(_ changes: [Change], applying rules: AlertRules, officer: String) -> [CommitResult] {
        let everything = changes.isEmpty || changes.contains { $0.action.kind == .setAlertRules }
        let subjects: Set<String>? = everything ? nil : Set(changes.compactMap { $0.action.subjectId })
        return commit(changes, deriving: AlertRulesFile.deriver(rules, officer: officer, subjects: subjects))
    }
}
