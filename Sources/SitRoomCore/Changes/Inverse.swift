import Foundation

/// How to take a change back. Undo is a new change in the journal, made by the undoing officer, so
/// the audit trail stays whole: nothing is ever struck out of the journal.
public struct Undo: Equatable, Sendable {
    /// Applying this (as a new `Change` by the undoing officer) undoes the change.
    public var action: ChangeAction
    /// For the status line, e.g. `undo: 서울대학교병원 ER status, ER beds` or `undo: add log entry`.
    public var description: String

    public init(action: ChangeAction, description: String) {
        self.action = action
        self.description = description
    }
}

extension Board {
    /// The change that takes `change` back, computed on this board *before* `change` is applied;
    /// nil when `change` would not apply here, or when it cannot be undone.
    ///
    /// - An add is undone by a remove, and a remove by putting the old record back: `hospital.add`,
    ///   `strike.add`, `agency.add` and `contact.add` keep every field as given; a log entry and an
    ///   action item come back by `log.restore` / `action.restore`, because `log.add` would re-stamp
    ///   `entered` and `action.add` would restart the status history. A log entry goes back to its
    ///   old position.
    /// - An edit is undone by an edit setting back exactly the fields it set. Where an edit cannot say
    ///   the old value — an optional field that was empty (a strike's `end`, a contact's
    ///   `lastVerified`, an action's `due`) or a strike's `participants`, which an edit stamps anew —
    ///   it is undone by `strike.revert` / `contact.revert` / `action.revert` for those same fields.
    /// - A report is undone by `hospital.revert` of exactly the figures it gave, old stamps and empty
    ///   figures included, so a figure someone reported since is left alone.
    /// - An incident is undone by setting the old one.
    /// - A revert or restore (itself an undo) is undone the same way, which is how redo works.
    ///
    /// Not exact, by nature: undoing an action item's status change (by edit or revert) adds one more
    /// entry to its history, stamped by the undo; the status itself comes back.
    ///
    /// Not undoable: `call.log` (a call was made; a wrong entry is corrected by a log note), the alert
    /// changes (the rules raise and clear them; an acknowledgement stands) and `briefing.mark`.
    public func inverse(of change: Change) -> Undo? {
        // Replayed, not applied: a change from the journal (a range revert's) may predate a limit.
        guard (try? replaying(change)) != nil else { return nil }
        switch change.action {
        case .setIncident:
            return Undo(action: .setIncident(incident), description: "undo: set incident")

        case .addHospital(let h):
            return Undo(action: .removeHospital(id: h.id), description: "undo: add hospital \(h.name)")
        case .editHospital(let id, let p):
            guard let old = hospitals[id] else { return nil }
            var inv = PatchInverse<HospitalPatch, Hospital.Detail>(p, empty: HospitalPatch())
            inv.field(.name, \.name, old: old.name)
            inv.field(.romanizedName, \.romanizedName, old: old.romanizedName)
            inv.field(.region, \.region, old: old.region)
            inv.field(.hospitalClass, \.hospitalClass, old: old.hospitalClass)
            inv.field(.address, \.address, old: old.address)
            inv.field(.switchboard, \.switchboard, old: old.switchboard)
            inv.field(.erPhone, \.erPhone, old: old.erPhone)
            inv.field(.updateIntervalMinutes, \.updateIntervalMinutes, old: old.updateIntervalMinutes)
            return Undo(action: .editHospital(id: id, inv.inverse), description: undoText(old.name, inv.fields))
        case .reportHospital(let id, let report):
            guard let old = hospitals[id] else { return nil }
            let fields = report.givenFields
            return Undo(action: .revertHospital(id: id, fields: fields, to: old), description: undoText(old.name, fields))
        case .revertHospital(let id, let fields, _):
            guard let now = hospitals[id] else { return nil }
            return Undo(action: .revertHospital(id: id, fields: fields, to: now), description: undoText(now.name, fields))
        case .removeHospital(let id):
            guard let old = hospitals[id] else { return nil }
            return Undo(action: .addHospital(old), description: "undo: remove hospital \(old.name)")

        case .addStrike(let s):
            return Undo(action: .removeStrike(id: s.id), description: "undo: add strike action \(s.organisation)")
        case .editStrike(let id, let p):
            guard let old = strikes[id] else { return nil }
            var inv = PatchInverse<StrikePatch, StrikeAction.Field>(p, empty: StrikePatch())
            inv.field(.organisation, \.organisation, old: old.organisation)
            inv.field(.form, \.form, old: old.form)
            inv.field(.start, \.start, old: old.start)
            inv.optionalField(.end, \.end, old: old.end)
            inv.field(.scope, \.scope, old: old.scope)
            inv.stampedField(.participants, \.participants)
            inv.field(.notes, \.notes, old: old.notes)
            let action: ChangeAction = inv.isExact
                ? .editStrike(id: id, inv.inverse) : .revertStrike(id: id, fields: inv.fields, to: old)
            return Undo(action: action, description: undoText(old.organisation, inv.fields))
        case .revertStrike(let id, let fields, _):
            guard let now = strikes[id] else { return nil }
            return Undo(action: .revertStrike(id: id, fields: fields, to: now), description: undoText(now.organisation, fields))
        case .removeStrike(let id):
            guard let old = strikes[id] else { return nil }
            return Undo(action: .addStrike(old), description: "undo: remove strike action \(old.organisation)")

        case .addAgency(let a):
            return Undo(action: .removeAgency(id: a.id), description: "undo: add agency \(a.name)")
        case .editAgency(let id, let p):
            guard let old = agencies[id] else { return nil }
            var inv = PatchInverse<AgencyPatch, Agency.Field>(p, empty: AgencyPatch())
            inv.field(.name, \.name, old: old.name)
            inv.field(.kind, \.kind, old: old.kind)
            inv.field(.phone, \.phone, old: old.phone)
            inv.field(.notes, \.notes, old: old.notes)
            return Undo(action: .editAgency(id: id, inv.inverse), description: undoText(old.name, inv.fields))
        case .removeAgency(let id):
            guard let old = agencies[id] else { return nil }
            return Undo(action: .addAgency(old), description: "undo: remove agency \(old.name)")

        case .addContact(let c):
            return Undo(action: .removeContact(id: c.id), description: "undo: add contact \(c.person)")
        case .editContact(let id, let p):
            guard let old = contacts[id] else { return nil }
            var inv = PatchInverse<ContactPatch, Contact.Field>(p, empty: ContactPatch())
            inv.field(.agencyId, \.agencyId, old: old.agencyId)
            inv.field(.person, \.person, old: old.person)
            inv.field(.role, \.role, old: old.role)
            inv.field(.phone, \.phone, old: old.phone)
            inv.field(.mobile, \.mobile, old: old.mobile)
            inv.field(.email, \.email, old: old.email)
            inv.field(.shift, \.shift, old: old.shift)
            inv.field(.escalation, \.escalation, old: old.escalation)
            inv.optionalField(.lastVerified, \.lastVerified, old: old.lastVerified)
            let action: ChangeAction = inv.isExact
                ? .editContact(id: id, inv.inverse) : .revertContact(id: id, fields: inv.fields, to: old)
            return Undo(action: action, description: undoText(old.person, inv.fields))
        case .revertContact(let id, let fields, _):
            guard let now = contacts[id] else { return nil }
            return Undo(action: .revertContact(id: id, fields: fields, to: now), description: undoText(now.person, fields))
        case .removeContact(let id):
            guard let old = contacts[id] else { return nil }
            return Undo(action: .addContact(old), description: "undo: remove contact \(old.person)")

        case .logCall:
            return nil
        case .raiseAlert, .acknowledgeAlert, .clearAlert, .markBriefing:
            return nil

        case .addLog(let entry):
            return Undo(action: .removeLog(id: entry.id), description: "undo: add log entry")
        case .restoreLog(let entry, _):
            return Undo(action: .removeLog(id: entry.id), description: "undo: restore log entry")
        case .removeLog(let id):
            guard let index = log.lastIndex(where: { $0.id == id }) else { return nil }
            return Undo(action: .restoreLog(log[index], position: index), description: "undo: remove log entry")

        case .addAction(let item):
            return Undo(action: .removeAction(id: item.id), description: "undo: add action item")
        case .editAction(let id, let p):
            guard let old = actions[id] else { return nil }
            var inv = PatchInverse<ActionPatch, ActionItem.Field>(p, empty: ActionPatch())
            inv.field(.text, \.text, old: old.text)
            inv.field(.ownerAgencyId, \.ownerAgencyId, old: old.ownerAgencyId)
            inv.optionalField(.due, \.due, old: old.due)
            inv.field(.status, \.status, old: old.status)
            let action: ChangeAction = inv.isExact
                ? .editAction(id: id, inv.inverse) : .revertAction(id: id, fields: inv.fields, to: old)
            return Undo(action: action, description: undoText(actionSubject(old), inv.fields))
        case .revertAction(let id, let fields, _):
            guard let now = actions[id] else { return nil }
            return Undo(action: .revertAction(id: id, fields: fields, to: now), description: undoText(actionSubject(now), fields))
        case .restoreAction(let item):
            return Undo(action: .removeAction(id: item.id), description: "undo: restore action item")
        case .removeAction(let id):
            guard let old = actions[id] else { return nil }
            return Undo(action: .restoreAction(old), description: "undo: remove action item")

        case .setConditions, .reportCapability, .revertCapability, .addRestriction, .endRestrictions,
             .removeRestrictions, .restoreRestrictions, .setBaselines, .takeBaselines, .restoreBaselines:
            return capabilityInverse(of: change)
        case .reportFeed, .revertFeed:
            return feedInverse(of: change)
        case .security(let s):
            return securityInverse(s)
        case .roster:
            return nil
        case .setAlertRules:
            return Undo(action: .setAlertRules(alertRules), description: "undo: alert rules")
        }
    }
}

extension HospitalReport {
    /// The figures this report gives, in declaration order (as `hospital.revert` takes them).
    var givenFields: [Hospital.Figure] {
        Hospital.Figure.allCases.filter { has($0) }
    }

    /// Whether the report gives `figure`.
    func has(_ figure: Hospital.Figure) -> Bool {
        switch figure {
        case .erState: erState != nil
        case .erReason: erReason != nil
        case .erBeds: erBeds != nil
        case .icuBeds: icuBeds != nil
        case .nicuBeds: nicuBeds != nil
        case .picuBeds: picuBeds != nil
        case .erDoctors: erDoctors != nil
        case .icuDoctors: icuDoctors != nil
        case .traineesOnRoll: traineesOnRoll != nil
        case .traineesAbsent: traineesAbsent != nil
        case .resignations: resignations != nil
        case .traineesReturned: traineesReturned != nil
        case .ordersIssued: ordersIssued != nil
        case .ordersServed: ordersServed != nil
        case .ordersComplied: ordersComplied != nil
        case .policePost: policePost != nil
        case .openIncidents: openIncidents != nil
        }
    }
}

/// Builds the patch that sets back the fields a patch sets, and notes when an edit cannot say it.
/// `Field` is the patch's own `CodingKeys`, so each field's key path and name come from one case.
private struct PatchInverse<Patch, Field: RecordField> {
    let patch: Patch
    var inverse: Patch
    /// The fields the patch sets, in the order they were looked at.
    var fields: [Field] = []
    /// False when some old value cannot be set by an edit: nil before, or a figure an edit stamps.
    var isExact = true

    init(_ patch: Patch, empty: Patch) {
        self.patch = patch
        inverse = empty
    }

    mutating func field<V>(_ field: Field, _ key: WritableKeyPath<Patch, V?>, old: V) {
        guard patch[keyPath: key] != nil else { return }
        inverse[keyPath: key] = old
        fields.append(field)
    }

    mutating func optionalField<V>(_ field: Field, _ key: WritableKeyPath<Patch, V?>, old: V?) {
        guard patch[keyPath: key] != nil else { return }
        if let old { inverse[keyPath: key] = old } else { isExact = false }
        fields.append(field)
    }

    /// A field the edit stamps with its own officer and time: only a revert puts the old stamp back.
    mutating func stampedField<V>(_ field: Field, _ key: WritableKeyPath<Patch, V?>) {
        guard patch[keyPath: key] != nil else { return }
        isExact = false
        fields.append(field)
    }
}

/// `undo: <subject> <field>, <field>`, the fields in words (`erState` and `erReason` are one).
private func undoText(_ subject: String, _ fields: [some RecordField]) -> String {
    var labels: [String] = []
    for field in fields where !labels.contains(field.label) { labels.append(field.label) }
    return labels.isEmpty ? "undo: edit \(subject)" : "undo: \(subject) \(labels.joined(separator: ", "))"
}

private func actionSubject(_ item: ActionItem) -> String {
    let text = item.text.count > 30 ? item.text.prefix(29) + "…" : item.text
    return "action “\(text)”"
}
