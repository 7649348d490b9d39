// The model's `Limits` on what a change brings in: every new change is held to them in
// `Board.apply` and `Board.check`, whatever door it came through. What a change takes from the
// board (a revert's or a restore's record, an alert the rules raise from it) was there already.

extension ChangeAction {
    /// Throws a `ChangeError` naming the field when a text this change brings in is longer than
    /// `Limits.textCharacters` or a figure larger than `Limits.figure`.
    public func checkLimits() throws {
        switch self {
        case .setIncident(let incident):
            try requireLength(incident.name, "incident name", field: Incident.Field.name)
            try requireAtMostLimit(incident.periodHours, "operational period", field: Incident.Field.periodHours)
        case .addHospital(let hospital): try hospital.checkLimits()
        case .editHospital(_, let patch): try patch.checkLimits()
        case .reportHospital(_, let report): try report.checkLimits()
        case .addStrike(let strike):
            try requireLength(strike.id, "strike id", field: "id")
            try StrikePatch(organisation: strike.organisation, scope: strike.scope, participants: strike.participants?.value,
                            notes: strike.notes).checkLimits()
        case .editStrike(_, let patch): try patch.checkLimits()
        case .addAgency(let agency):
            try requireLength(agency.id, "agency id", field: "id")
            try AgencyPatch(name: agency.name, phone: agency.phone, notes: agency.notes).checkLimits()
        case .editAgency(_, let patch): try patch.checkLimits()
        case .addContact(let contact):
            try requireLength(contact.id, "contact id", field: "id")
            try ContactPatch(agencyId: contact.agencyId, person: contact.person, role: contact.role, phone: contact.phone,
                             mobile: contact.mobile, email: contact.email, shift: contact.shift,
                             escalation: contact.escalation).checkLimits()
        case .editContact(_, let patch): try patch.checkLimits()
        case .logCall(let call):
            try requireLength(call.id, "call id", field: "id")
            try requireLength(call.note, "call note", field: "note")
        case .addLog(let entry):
            try requireLength(entry.id, "log entry id", field: LogEntry.Field.id)
            try requireLength(entry.text, "log text", field: LogEntry.Field.text)
            try requireLength(entry.category, "category", field: LogEntry.Field.category)
        case .addAction(let item):
            try requireLength(item.id, "action id", field: "id")
            try ActionPatch(text: item.text).checkLimits()
        case .editAction(_, let patch): try patch.checkLimits()
        case .acknowledgeAlert(_, let note): try requireLength(note, "note", field: "note")
        case .markBriefing(let briefing):
            try requireLength(briefing.id, "briefing id", field: "id")
            try requireLength(briefing.title, "briefing title", field: "title")
        case .setConditions, .reportCapability, .addRestriction, .endRestrictions, .setBaselines, .takeBaselines:
            try checkCapabilityLimits()
        case .revertCapability, .removeRestrictions, .restoreRestrictions, .restoreBaselines:
            break
        case .reportFeed(let id, let report):
            try requireLength(report.source, "feed source", field: "source")
            if !report.capability.isEmpty { try ChangeAction.reportCapability(id: id, report.capability).checkLimits() }
        case .revertFeed:
            break
        case .security(let s): try s.checkLimits()
        case .roster(.add(let o)), .roster(.edit(let o)):
            try requireLength(o.id, "officer id", field: "id")
            try requireLength(o.name, "officer name", field: "name")
            try requireLength(o.desk, "desk", field: "desk")
            for line in o.publicKeys { try requireLength(line, "public key", field: "public_keys") }
            try require(o.osUsers.count + o.keys.count <= 32, "at most 32 identities an officer", field: "identity")
        case .roster(.retire), .setAlertRules:
            break
        case .revertHospital, .revertStrike, .revertContact, .revertAction, .restoreLog, .restoreAction, .raiseAlert,
             .removeHospital, .removeStrike, .removeAgency, .removeContact, .removeLog, .removeAction, .clearAlert:
            break
        }
    }
}

func requireLength(_ text: String?, _ label: String, field: some RecordField) throws {
    if let text { try requireLength(text, label, field: field.rawValue) }
}

func requireAtMostLimit(_ value: Int?, _ label: String, field: some RecordField) throws {
    try requireAtMostLimit(value, label, field: field.rawValue)
}

extension Hospital {
    func checkLimits() throws {
        try requireLength(id, "hospital id", field: "id")
        try HospitalPatch(name: name, romanizedName: romanizedName, region: region, address: address, switchboard: switchboard,
                          erPhone: erPhone, updateIntervalMinutes: updateIntervalMinutes).checkLimits()
        try HospitalReport(
            erReason: erStatus?.value.reason, erBeds: erBeds?.value, icuBeds: icuBeds?.value, nicuBeds: nicuBeds?.value,
            picuBeds: picuBeds?.value, erDoctors: erDoctors?.value, icuDoctors: icuDoctors?.value,
            traineesOnRoll: traineesOnRoll?.value, traineesAbsent: traineesAbsent?.value, resignations: resignations?.value,
            traineesReturned: traineesReturned?.value, ordersIssued: ordersIssued?.value, ordersServed: ordersServed?.value,
            ordersComplied: ordersComplied?.value, openIncidents: openIncidents?.value
        ).checkLimits()
    }
}

extension HospitalPatch {
    func checkLimits() throws {
        typealias F = Hospital.Detail
        try requireLength(name, "hospital name", field: F.name)
        try requireLength(romanizedName, F.romanizedName.label, field: F.romanizedName)
        try requireLength(region, F.region.label, field: F.region)
        try requireLength(address, F.address.label, field: F.address)
        try requireLength(switchboard, F.switchboard.label, field: F.switchboard)
        try requireLength(erPhone, F.erPhone.label, field: F.erPhone)
        try requireAtMostLimit(updateIntervalMinutes, F.updateIntervalMinutes.label, field: F.updateIntervalMinutes)
    }
}

extension HospitalReport {
    func checkLimits() throws {
        typealias F = Hospital.Figure
        try requireLength(erReason, "ER status reason", field: F.erReason)
        for (capacity, label, field) in [
            (erBeds, "ER beds", F.erBeds), (icuBeds, "ICU", .icuBeds), (nicuBeds, "neonatal ICU", .nicuBeds),
            (picuBeds, "paediatric ICU", .picuBeds),
        ] {
            try requireAtMostLimit(capacity?.available, "\(label) available", field: field)
            try requireAtMostLimit(capacity?.staffed, "\(label) staffed", field: field)
        }
        for (staffing, field) in [(erDoctors, F.erDoctors), (icuDoctors, .icuDoctors)] {
            try requireAtMostLimit(staffing?.onDuty, "\(field.label) on duty", field: field)
            try requireAtMostLimit(staffing?.minimum, "\(field.label) minimum", field: field)
        }
        for (count, field) in [
            (traineesOnRoll, F.traineesOnRoll), (traineesAbsent, .traineesAbsent), (resignations, .resignations),
            (traineesReturned, .traineesReturned), (ordersIssued, .ordersIssued), (ordersServed, .ordersServed),
            (ordersComplied, .ordersComplied), (openIncidents, .openIncidents),
        ] {
            try requireAtMostLimit(count, field.label, field: field)
        }
    }
}

extension StrikePatch {
    func checkLimits() throws {
        try requireLength(organisation, "organisation", field: StrikeAction.Field.organisation)
        try requireLength(scope, "scope", field: StrikeAction.Field.scope)
        try requireAtMostLimit(participants, "participants", field: StrikeAction.Field.participants)
        try requireLength(notes, "notes", field: StrikeAction.Field.notes)
    }
}

extension AgencyPatch {
    func checkLimits() throws {
        try requireLength(name, "agency name", field: Agency.Field.name)
        try requireLength(phone, "phone", field: Agency.Field.phone)
        try requireLength(notes, "notes", field: Agency.Field.notes)
    }
}

extension ContactPatch {
    func checkLimits() throws {
        typealias F = Contact.Field
        for (text, field) in [
            (agencyId, F.agencyId), (person, .person), (role, .role), (phone, .phone), (mobile, .mobile), (email, .email),
            (shift, .shift),
        ] {
            try requireLength(text, field.label, field: field)
        }
        try requireAtMostLimit(escalation, F.escalation.label, field: F.escalation)
    }
}

extension ActionPatch {
    func checkLimits() throws {
        try requireLength(text, "action text", field: ActionItem.Field.text)
        try requireLength(ownerAgencyId, ActionItem.Field.ownerAgencyId.label, field: ActionItem.Field.ownerAgencyId)
    }
}
