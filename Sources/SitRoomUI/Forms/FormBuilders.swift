import Foundation
import SitRoomCore

// One builder per record kind: the fields with their current text, and the change made of the
// fields the officer changed (only those, so another officer's figures are never overwritten).

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
                FormField("erState", "ER status", .choice(ERState.allCases.map(\.rawValue)), h.erStatus?.value.state.rawValue ?? ""),
                FormField("erReason", "Reason", .text, h.erStatus?.value.reason ?? ""),
                FormField("erBeds", "ER beds a/s", .pair, pair(h.erBeds?.value)),
                FormField("icuBeds", "ICU beds a/s", .pair, pair(h.icuBeds?.value)),
                FormField("nicuBeds", "Neonatal ICU a/s", .pair, pair(h.nicuBeds?.value)),
                FormField("picuBeds", "Paediatric ICU a/s", .pair, pair(h.picuBeds?.value)),
                FormField("erDoctors", "ER doctors n/min", .pair, pair(h.erDoctors?.value)),
                FormField("icuDoctors", "ICU doctors n/min", .pair, pair(h.icuDoctors?.value)),
                FormField("policePost", "Police post", .choice(["yes", "no"]), h.policePost.map { $0.value ? "yes" : "no" } ?? ""),
                FormField("openIncidents", "Open incidents", .number, num(h.openIncidents)),
            ])
        case .strikeFigures(let id):
            guard let h = board.hospitals[id] else { return nil }
            return Form(kind: kind, title: "Strike figures — \(h.name)", fields: [
                FormField("traineesOnRoll", "Trainees on roll", .number, num(h.traineesOnRoll)),
                FormField("traineesAbsent", "Absent", .number, num(h.traineesAbsent)),
                FormField("resignations", "Resignations", .number, num(h.resignations)),
                FormField("traineesReturned", "Returned", .number, num(h.traineesReturned)),
                FormField("ordersIssued", "Orders issued", .number, num(h.ordersIssued)),
                FormField("ordersServed", "Orders served", .number, num(h.ordersServed)),
                FormField("ordersComplied", "Orders complied", .number, num(h.ordersComplied)),
            ])
        case .newLogEntry:
            return Form(kind: kind, title: "New log entry", fields: [
                FormField("text", "Text", .text, ""),
                FormField("severity", "Severity", .choice(Severity.allCases.map(\.rawValue)), "info"),
                FormField("category", "Category", .text, "general"),
                FormField("eventTime", "Happened at", .time, "now"),
                FormField("hospitalId", "Hospital", .text, ""),
                FormField("agencyId", "Agency", .text, ""),
            ])
        case .newAction:
            return Form(kind: kind, title: "New action item", fields: [
                FormField("text", "Action", .text, ""),
                FormField("ownerAgencyId", "Owner agency", .text, ""),
                FormField("due", "Due", .time, ""),
            ])
        case .editAction(let id):
            guard let a = board.actions[id] else { return nil }
            return Form(kind: kind, title: "Action item \(id)", fields: [
                FormField("text", "Action", .text, a.text),
                FormField("ownerAgencyId", "Owner agency", .text, a.ownerAgencyId),
                FormField("due", "Due", .time, time(a.due)),
                FormField("status", "Status", .choice(ActionStatus.allCases.map(\.rawValue)), a.status.rawValue),
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
                FormField("name", "Name", .text, a.name),
                FormField("kind", "Kind", .choice(AgencyKind.allCases.map(\.rawValue)), a.kind.rawValue),
                FormField("phone", "Phone", .text, a.phone),
                FormField("notes", "Notes", .text, a.notes),
            ])
        }
    }

    private static func strikeFields(_ s: StrikeAction?, _ m: AppModel) -> [FormField] {
        [
            FormField("organisation", "Organisation", .text, s?.organisation ?? ""),
            FormField("form", "Form", .choice(StrikeForm.allCases.map(\.rawValue)), s?.form.rawValue ?? StrikeForm.walkout.rawValue),
            FormField("start", "Start", .time, s.map { TimeExpression.short($0.start, timeZone: m.timeZone) } ?? "now"),
            FormField("end", "End", .time, s?.end.map { TimeExpression.short($0, timeZone: m.timeZone) } ?? ""),
            FormField("scope", "Scope", .text, s?.scope ?? ""),
            FormField("participants", "Participants", .number, s?.participants.map { String($0.value) } ?? ""),
            FormField("notes", "Notes", .text, s?.notes ?? ""),
        ]
    }

    private static func contactFields(_ c: Contact?, agencyId: String?) -> [FormField] {
        [
            FormField("agencyId", "Agency", .text, agencyId ?? ""),
            FormField("person", "Person", .text, c?.person ?? ""),
            FormField("role", "Role", .text, c?.role ?? ""),
            FormField("phone", "Phone", .text, c?.phone ?? ""),
            FormField("mobile", "Mobile", .text, c?.mobile ?? ""),
            FormField("email", "E-mail", .text, c?.email ?? ""),
            FormField("shift", "Shift", .text, c?.shift ?? ""),
            FormField("escalation", "Escalation", .number, c.map { String($0.escalation) } ?? "1"),
        ]
    }

    /// The change the officer's edits make, and words for the status line; nil when nothing changed.
    /// Throws a `FieldError` for text the field cannot hold.
    public func action(_ m: AppModel, newId: (String) -> String) throws -> (ChangeAction, String)? {
        guard isChanged else { return nil }
        let board = m.board
        func capacity(_ key: String) throws -> Capacity? {
            try changed(key)?.pair().map { Capacity(available: $0.0, staffed: $0.1) }
        }
        func staffing(_ key: String) throws -> Staffing? {
            try changed(key)?.pair().map { Staffing(onDuty: $0.0, minimum: $0.1) }
        }
        func number(_ key: String) throws -> Int? { try changed(key)?.number() }
        let changedLabels = fields.filter(\.isChanged).map(\.label).joined(separator: ", ")
        switch kind {
        case .hospitalStatus(let id):
            var r = HospitalReport()
            if changed("erState") != nil || changed("erReason") != nil {
                r.erState = field("erState").flatMap { ERState(rawValue: $0.text) }
                if r.erState == nil { throw FieldError(key: "erState", message: "choose an ER status (Space cycles)") }
                r.erReason = field("erReason")?.text ?? ""
            }
            r.erBeds = try capacity("erBeds")
            r.icuBeds = try capacity("icuBeds")
            r.nicuBeds = try capacity("nicuBeds")
            r.picuBeds = try capacity("picuBeds")
            r.erDoctors = try staffing("erDoctors")
            r.icuDoctors = try staffing("icuDoctors")
            if let p = changed("policePost") { r.policePost = p.text == "yes" }
            r.openIncidents = try number("openIncidents")
            return (.reportHospital(id: id, r), "\(board.hospitals[id]?.name ?? id): \(changedLabels)")
        case .strikeFigures(let id):
            let r = HospitalReport(
                traineesOnRoll: try number("traineesOnRoll"), traineesAbsent: try number("traineesAbsent"),
                resignations: try number("resignations"), traineesReturned: try number("traineesReturned"),
                ordersIssued: try number("ordersIssued"), ordersServed: try number("ordersServed"),
                ordersComplied: try number("ordersComplied"))
            return (.reportHospital(id: id, r), "\(board.hospitals[id]?.name ?? id): \(changedLabels)")
        case .newLogEntry:
            let entry = LogEntry(
                id: newId("log"),
                eventTime: try field("eventTime")?.time(now: m.now, zone: m.timeZone, leaning: .past) ?? m.now,
                category: field("category")?.text.isEmpty == false ? field("category")!.text : "general",
                severity: Severity(rawValue: field("severity")?.text ?? "") ?? .info,
                text: field("text")?.text ?? "",
                hospitalId: try reference("hospitalId") { try HospitalLookup.resolve($0, in: board).id },
                agencyId: try reference("agencyId") { try AgencyLookup.resolve($0, in: board).id })
            return (.addLog(entry), "log entry added")
        case .newAction:
            guard let owner = try reference("ownerAgencyId", { try AgencyLookup.resolve($0, in: board).id }) else {
                throw FieldError(key: "ownerAgencyId", message: "which agency owns it? (an id like knpa, or a name)")
            }
            let item = ActionItem(id: newId("act"), text: field("text")?.text ?? "", ownerAgencyId: owner,
                                  due: try field("due")?.time(now: m.now, zone: m.timeZone, leaning: .future))
            return (.addAction(item), "action added for \(board.agencies[owner]?.name ?? owner)")
        case .editAction(let id):
            var p = ActionPatch()
            p.text = changed("text")?.text
            if changed("ownerAgencyId") != nil {
                p.ownerAgencyId = try reference("ownerAgencyId") { try AgencyLookup.resolve($0, in: board).id }
            }
            if changed("due") != nil { p.due = try field("due")?.time(now: m.now, zone: m.timeZone, leaning: .future) }
            p.status = changed("status").flatMap { ActionStatus(rawValue: $0.text) }
            return (.editAction(id: id, p), "action \(id): \(changedLabels)")
        case .newContact:
            guard let agency = try reference("agencyId", { try AgencyLookup.resolve($0, in: board).id }) else {
                throw FieldError(key: "agencyId", message: "which agency? (an id like knpa, or a name)")
            }
            let c = Contact(id: newId(agency), agencyId: agency, person: field("person")?.text ?? "",
                            role: field("role")?.text ?? "", phone: field("phone")?.text ?? "",
                            mobile: field("mobile")?.text ?? "", email: field("email")?.text ?? "",
                            shift: field("shift")?.text ?? "", escalation: try field("escalation")?.number() ?? 1)
            return (.addContact(c), "contact \(c.person) added")
        case .editContact(let id):
            var p = ContactPatch()
            if changed("agencyId") != nil {
                p.agencyId = try reference("agencyId") { try AgencyLookup.resolve($0, in: board).id }
            }
            p.person = changed("person")?.text
            p.role = changed("role")?.text
            p.phone = changed("phone")?.text
            p.mobile = changed("mobile")?.text
            p.email = changed("email")?.text
            p.shift = changed("shift")?.text
            p.escalation = try number("escalation")
            return (.editContact(id: id, p), "contact \(board.contacts[id]?.person ?? id): \(changedLabels)")
        case .newStrike:
            let s = try strikeAction(m, id: newId("strike"))
            return (.addStrike(s), "strike action of \(s.organisation) added")
        case .editStrike(let id):
            var p = StrikePatch()
            p.organisation = changed("organisation")?.text
            p.form = changed("form").flatMap { StrikeForm(rawValue: $0.text) }
            if changed("start") != nil { p.start = try field("start")?.time(now: m.now, zone: m.timeZone, leaning: .past) }
            if changed("end") != nil { p.end = try field("end")?.time(now: m.now, zone: m.timeZone, leaning: .future) }
            p.scope = changed("scope")?.text
            p.participants = try number("participants")
            p.notes = changed("notes")?.text
            return (.editStrike(id: id, p), "strike action \(board.strikes[id]?.organisation ?? id): \(changedLabels)")
        case .editAgency(let id):
            let p = AgencyPatch(name: changed("name")?.text, kind: changed("kind").flatMap { AgencyKind(rawValue: $0.text) },
                                phone: changed("phone")?.text, notes: changed("notes")?.text)
            return (.editAgency(id: id, p), "agency \(board.agencies[id]?.name ?? id): \(changedLabels)")
        }
    }

    private func strikeAction(_ m: AppModel, id: String) throws -> StrikeAction {
        StrikeAction(
            id: id, organisation: field("organisation")?.text ?? "",
            form: StrikeForm(rawValue: field("form")?.text ?? "") ?? .other,
            start: try field("start")?.time(now: m.now, zone: m.timeZone, leaning: .past) ?? m.now,
            end: try field("end")?.time(now: m.now, zone: m.timeZone, leaning: .future),
            scope: field("scope")?.text ?? "",
            participants: try field("participants")?.number().map { Reported($0, at: m.now, by: m.officer) },
            notes: field("notes")?.text ?? "")
    }

    /// A hospital or agency typed by id or name; nil when left empty.
    private func reference(_ key: String, _ resolve: (String) throws -> String) throws -> String? {
        guard let text = field(key)?.text, !text.isEmpty else { return nil }
        do { return try resolve(text) } catch { throw FieldError(key: key, message: "\(error)") }
    }
}
