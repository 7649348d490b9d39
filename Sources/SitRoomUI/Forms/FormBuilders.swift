import Foundation
import SitRoomCore

// One builder per record kind: the fields with their current text, and the change made of the
// fields the officer changed (only those, so another officer's figures are never overwritten).
// Each form field is keyed by its record's field, so the model's refusals land on it.

private typealias Figure = Hospital.Figure
private typealias LogField = LogEntry.Field
private typealias ActionField = ActionItem.Field
private typealias ContactField = Contact.Field
private typealias StrikeField = StrikeAction.Field
private typealias AgencyField = Agency.Field

extension Form {
    /// The form for `kind` as the board is now; nil if the record is gone.
    public static func make(_ kind: FormKind, _ m: AppModel) -> Form? {
        let board = m.board
        func pair(_ c: Capacity?) -> String { c.map { "\($0.available)/\($0.staffed)" } ?? "" }
        func pair(_ s: Staffing?) -> String { s.map { "\($0.onDuty)/\($0.minimum)" } ?? "" }
        func num(_ r: Reported<Int>?) -> String { r.map { String($0.value) } ?? "" }
        func time(_ d: Date?) -> String { d.map { TimeExpression.short($0, timeZone: m.timeZone) } ?? "" }
        switch kind {
        case .hospitalStatus(let id):
            guard let h = board.hospitals[id] else { return nil }
            return Form(kind: kind, title: "ER/ICU status — \(h.name)", fields: [
                FormField(Figure.erState, "ER status", .choice(ERState.allCases.map(\.rawValue)), h.erStatus?.value.state.rawValue ?? ""),
                FormField(Figure.erReason, "Reason", .text, h.erStatus?.value.reason ?? ""),
                FormField(Figure.erBeds, "ER beds a/s", .pair, pair(h.erBeds?.value)),
                FormField(Figure.icuBeds, "ICU beds a/s", .pair, pair(h.icuBeds?.value)),
                FormField(Figure.nicuBeds, "Neonatal ICU a/s", .pair, pair(h.nicuBeds?.value)),
                FormField(Figure.picuBeds, "Paediatric ICU a/s", .pair, pair(h.picuBeds?.value)),
                FormField(Figure.erDoctors, "ER doctors n/min", .pair, pair(h.erDoctors?.value)),
                FormField(Figure.icuDoctors, "ICU doctors n/min", .pair, pair(h.icuDoctors?.value)),
                FormField(Figure.policePost, "Police post", .choice(["yes", "no"]), h.policePost.map { $0.value ? "yes" : "no" } ?? ""),
                FormField(Figure.openIncidents, "Open incidents", .number, num(h.openIncidents)),
            ])
        case .strikeFigures(let id):
            guard let h = board.hospitals[id] else { return nil }
            return Form(kind: kind, title: "Strike figures — \(h.name)", fields: [
                FormField(Figure.traineesOnRoll, "Trainees on roll", .number, num(h.traineesOnRoll)),
                FormField(Figure.traineesAbsent, "Absent", .number, num(h.traineesAbsent)),
                FormField(Figure.resignations, "Resignations", .number, num(h.resignations)),
                FormField(Figure.traineesReturned, "Returned", .number, num(h.traineesReturned)),
                FormField(Figure.ordersIssued, "Orders issued", .number, num(h.ordersIssued)),
                FormField(Figure.ordersServed, "Orders served", .number, num(h.ordersServed)),
                FormField(Figure.ordersComplied, "Orders complied", .number, num(h.ordersComplied)),
            ])
        case .newLogEntry:
            return Form(kind: kind, title: "New log entry", fields: [
                FormField(LogField.text, "Text", .text, ""),
                FormField(LogField.severity, "Severity", .choice(Severity.allCases.map(\.rawValue)), "info"),
                FormField(LogField.category, "Category", .text, "general"),
                FormField(LogField.eventTime, "Happened at", .time, "now"),
                FormField(LogField.hospitalId, "Hospital", .text, ""),
                FormField(LogField.agencyId, "Agency", .text, ""),
            ])
        case .newAction:
            return Form(kind: kind, title: "New action item", fields: [
                FormField(ActionField.text, "Action", .text, ""),
                FormField(ActionField.ownerAgencyId, "Owner agency", .text, ""),
                FormField(ActionField.due, "Due", .time, ""),
            ])
        case .editAction(let id):
            guard let a = board.actions[id] else { return nil }
            return Form(kind: kind, title: "Action item \(id)", fields: [
                FormField(ActionField.text, "Action", .text, a.text),
                FormField(ActionField.ownerAgencyId, "Owner agency", .text, a.ownerAgencyId),
                FormField(ActionField.due, "Due", .time, time(a.due)),
                FormField(ActionField.status, "Status", .choice(ActionStatus.allCases.map(\.rawValue)), a.status.rawValue),
            ])
        case .newContact(let agencyId):
            return Form(kind: kind, title: "New contact", fields: contactFields(nil, agencyId: agencyId))
        case .editContact(let id):
            guard let c = board.contacts[id] else { return nil }
            return Form(kind: kind, title: "Contact — \(c.person)", fields: contactFields(c, agencyId: c.agencyId))
        case .newStrike:
            return Form(kind: kind, title: "New strike action", fields: strikeFields(nil, m))
        case .editStrike(let id):
            guard let s = board.strikes[id] else { return nil }
            return Form(kind: kind, title: "Strike action — \(s.organisation)", fields: strikeFields(s, m))
        case .editAgency(let id):
            guard let a = board.agencies[id] else { return nil }
            return Form(kind: kind, title: "Agency — \(a.name)", fields: [
                FormField(AgencyField.name, "Name", .text, a.name),
                FormField(AgencyField.kind, "Kind", .choice(AgencyKind.allCases.map(\.rawValue)), a.kind.rawValue),
                FormField(AgencyField.phone, "Phone", .text, a.phone),
                FormField(AgencyField.notes, "Notes", .text, a.notes),
            ])
        case .newSecurityIncident:
            return newSecurityIncident()
        }
    }

    private static func strikeFields(_ s: StrikeAction?, _ m: AppModel) -> [FormField] {
        [
            FormField(StrikeField.organisation, "Organisation", .text, s?.organisation ?? ""),
            FormField(StrikeField.form, "Form", .choice(StrikeForm.allCases.map(\.rawValue)), s?.form.rawValue ?? StrikeForm.walkout.rawValue),
            FormField(StrikeField.start, "Start", .time, s.map { TimeExpression.short($0.start, timeZone: m.timeZone) } ?? "now"),
            FormField(StrikeField.end, "End", .time, s?.end.map { TimeExpression.short($0, timeZone: m.timeZone) } ?? ""),
            FormField(StrikeField.scope, "Scope", .text, s?.scope ?? ""),
            FormField(StrikeField.participants, "Participants", .number, s?.participants.map { String($0.value) } ?? ""),
            FormField(StrikeField.notes, "Notes", .text, s?.notes ?? ""),
        ]
    }

    private static func contactFields(_ c: Contact?, agencyId: String?) -> [FormField] {
        [
            FormField(ContactField.agencyId, "Agency", .text, agencyId ?? ""),
            FormField(ContactField.person, "Person", .text, c?.person ?? ""),
            FormField(ContactField.role, "Role", .text, c?.role ?? ""),
            FormField(ContactField.phone, "Phone", .text, c?.phone ?? ""),
            FormField(ContactField.mobile, "Mobile", .text, c?.mobile ?? ""),
            FormField(ContactField.email, "E-mail", .text, c?.email ?? ""),
            FormField(ContactField.shift, "Shift", .text, c?.shift ?? ""),
            FormField(ContactField.escalation, "Escalation", .number, c.map { String($0.escalation) } ?? "1"),
        ]
    }

    /// The change the officer's edits make, and words for the status line; nil when nothing changed.
    /// Throws a `FieldError` for text the field cannot hold.
    public func action(_ m: AppModel, newId: (String) -> String) throws -> (ChangeAction, String)? {
        guard isChanged else { return nil }
        let board = m.board
        func capacity(_ key: Hospital.Figure) throws -> Capacity? {
            try changed(key)?.pair().map { Capacity(available: $0.0, staffed: $0.1) }
        }
        func staffing(_ key: Hospital.Figure) throws -> Staffing? {
            try changed(key)?.pair().map { Staffing(onDuty: $0.0, minimum: $0.1) }
        }
        func number(_ key: some RecordField) throws -> Int? { try changed(key)?.number() }
        let changedLabels = fields.filter(\.isChanged).map(\.label).joined(separator: ", ")
        switch kind {
        case .hospitalStatus(let id):
            var r = HospitalReport()
            if changed(Figure.erState) != nil || changed(Figure.erReason) != nil {
                r.erState = field(Figure.erState).flatMap { ERState(rawValue: $0.text) }
                if r.erState == nil { throw FieldError(Figure.erState, message: "choose an ER status (Space cycles)") }
                r.erReason = field(Figure.erReason)?.text ?? ""
            }
            r.erBeds = try capacity(.erBeds)
            r.icuBeds = try capacity(.icuBeds)
            r.nicuBeds = try capacity(.nicuBeds)
            r.picuBeds = try capacity(.picuBeds)
            r.erDoctors = try staffing(.erDoctors)
            r.icuDoctors = try staffing(.icuDoctors)
            if let p = changed(Figure.policePost) { r.policePost = p.text == "yes" }
            r.openIncidents = try number(Figure.openIncidents)
            return (.reportHospital(id: id, r), "\(board.hospitals[id]?.name ?? id): \(changedLabels)")
        case .strikeFigures(let id):
            let r = HospitalReport(
                traineesOnRoll: try number(Figure.traineesOnRoll), traineesAbsent: try number(Figure.traineesAbsent),
                resignations: try number(Figure.resignations), traineesReturned: try number(Figure.traineesReturned),
                ordersIssued: try number(Figure.ordersIssued), ordersServed: try number(Figure.ordersServed),
                ordersComplied: try number(Figure.ordersComplied))
            return (.reportHospital(id: id, r), "\(board.hospitals[id]?.name ?? id): \(changedLabels)")
        case .newLogEntry:
            let entry = LogEntry(
                id: newId("log"),
                eventTime: try field(LogField.eventTime)?.time(now: m.now, zone: m.timeZone, leaning: .past) ?? m.now,
                category: field(LogField.category)?.text.isEmpty == false ? field(LogField.category)!.text : "general",
                severity: Severity(rawValue: field(LogField.severity)?.text ?? "") ?? .info,
                text: field(LogField.text)?.text ?? "",
                hospitalId: try reference(LogField.hospitalId) { try HospitalLookup.resolve($0, in: board).id },
                agencyId: try reference(LogField.agencyId) { try AgencyLookup.resolve($0, in: board).id })
            return (.addLog(entry), "log entry added")
        case .newAction:
            guard let owner = try reference(ActionField.ownerAgencyId, { try AgencyLookup.resolve($0, in: board).id }) else {
                throw FieldError(ActionField.ownerAgencyId, message: "which agency owns it? (an id like knpa, or a name)")
            }
            let item = ActionItem(id: newId("act"), text: field(ActionField.text)?.text ?? "", ownerAgencyId: owner,
                                  due: try field(ActionField.due)?.time(now: m.now, zone: m.timeZone, leaning: .future))
            return (.addAction(item), "action \(item.id) added for \(board.agencies[owner]?.name ?? owner)")
        case .editAction(let id):
            var p = ActionPatch()
            p.text = changed(ActionField.text)?.text
            if changed(ActionField.ownerAgencyId) != nil {
                p.ownerAgencyId = try reference(ActionField.ownerAgencyId) { try AgencyLookup.resolve($0, in: board).id }
            }
            if changed(ActionField.due) != nil { p.due = try field(ActionField.due)?.time(now: m.now, zone: m.timeZone, leaning: .future) }
            p.status = changed(ActionField.status).flatMap { ActionStatus(rawValue: $0.text) }
            return (.editAction(id: id, p), "action \(id): \(changedLabels)")
        case .newContact:
            guard let agency = try reference(ContactField.agencyId, { try AgencyLookup.resolve($0, in: board).id }) else {
                throw FieldError(ContactField.agencyId, message: "which agency? (an id like knpa, or a name)")
            }
            let c = Contact(id: newId(agency), agencyId: agency, person: field(ContactField.person)?.text ?? "",
                            role: field(ContactField.role)?.text ?? "", phone: field(ContactField.phone)?.text ?? "",
                            mobile: field(ContactField.mobile)?.text ?? "", email: field(ContactField.email)?.text ?? "",
                            shift: field(ContactField.shift)?.text ?? "", escalation: try field(ContactField.escalation)?.number() ?? 1)
            return (.addContact(c), "contact \(c.person) added")
        case .editContact(let id):
            var p = ContactPatch()
            if changed(ContactField.agencyId) != nil {
                p.agencyId = try reference(ContactField.agencyId) { try AgencyLookup.resolve($0, in: board).id }
            }
            p.person = changed(ContactField.person)?.text
            p.role = changed(ContactField.role)?.text
            p.phone = changed(ContactField.phone)?.text
            p.mobile = changed(ContactField.mobile)?.text
            p.email = changed(ContactField.email)?.text
            p.shift = changed(ContactField.shift)?.text
            p.escalation = try number(ContactField.escalation)
            return (.editContact(id: id, p), "contact \(board.contacts[id]?.person ?? id): \(changedLabels)")
        case .newStrike:
            let s = try strikeAction(m, id: newId("strike"))
            return (.addStrike(s), "strike action of \(s.organisation) added")
        case .editStrike(let id):
            var p = StrikePatch()
            p.organisation = changed(StrikeField.organisation)?.text
            p.form = changed(StrikeField.form).flatMap { StrikeForm(rawValue: $0.text) }
            if changed(StrikeField.start) != nil { p.start = try field(StrikeField.start)?.time(now: m.now, zone: m.timeZone, leaning: .past) }
            if changed(StrikeField.end) != nil { p.end = try field(StrikeField.end)?.time(now: m.now, zone: m.timeZone, leaning: .future) }
            p.scope = changed(StrikeField.scope)?.text
            p.participants = try number(StrikeField.participants)
            p.notes = changed(StrikeField.notes)?.text
            return (.editStrike(id: id, p), "strike action \(board.strikes[id]?.organisation ?? id): \(changedLabels)")
        case .editAgency(let id):
            let p = AgencyPatch(name: changed(AgencyField.name)?.text, kind: changed(AgencyField.kind).flatMap { AgencyKind(rawValue: $0.text) },
                                phone: changed(AgencyField.phone)?.text, notes: changed(AgencyField.notes)?.text)
            return (.editAgency(id: id, p), "agency \(board.agencies[id]?.name ?? id): \(changedLabels)")
        case .newSecurityIncident:
            return try securityIncidentAction(m)
        }
    }

    private func strikeAction(_ m: AppModel, id: String) throws -> StrikeAction {
        StrikeAction(
            id: id, organisation: field(StrikeField.organisation)?.text ?? "",
            form: StrikeForm(rawValue: field(StrikeField.form)?.text ?? "") ?? .other,
            start: try field(StrikeField.start)?.time(now: m.now, zone: m.timeZone, leaning: .past) ?? m.now,
            end: try field(StrikeField.end)?.time(now: m.now, zone: m.timeZone, leaning: .future),
            scope: field(StrikeField.scope)?.text ?? "",
            participants: try field(StrikeField.participants)?.number().map { Reported($0, at: m.now, by: m.officer) },
            notes: field(StrikeField.notes)?.text ?? "")
    }

    /// A hospital or agency typed by id or name; nil when left empty.
    private func reference(_ key: some RecordField, _ resolve: (String) throws -> String) throws -> String? {
        guard let text = field(key)?.text, !text.isEmpty else { return nil }
        do { return try resolve(text) } catch { throw FieldError(key, message: "\(error)") }
    }
}
