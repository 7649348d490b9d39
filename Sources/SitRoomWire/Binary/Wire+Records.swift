import Foundation
import SitRoomCore

// The board's records, every stored field in declaration order.

extension Hospital: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.string(name)
        w.string(romanizedName)
        w.string(region)
        w.code(hospitalClass)
        w.string(address)
        w.string(switchboard)
        w.string(erPhone)
        w.int(updateIntervalMinutes)
        w.optional(erStatus)
        w.optional(erBeds)
        w.optional(icuBeds)
        w.optional(nicuBeds)
        w.optional(picuBeds)
        w.optional(erDoctors)
        w.optional(icuDoctors)
        w.optional(traineesOnRoll)
        w.optional(traineesAbsent)
        w.optional(resignations)
        w.optional(traineesReturned)
        w.optional(ordersIssued)
        w.optional(ordersServed)
        w.optional(ordersComplied)
        w.optional(policePost)
        w.optional(openIncidents)
    }

    init(wire r: inout WireReader) throws {
        self.init(
            id: try r.string(), name: try r.string(), romanizedName: try r.string(), region: try r.string(),
            hospitalClass: try r.code(HospitalClass.self), address: try r.string(), switchboard: try r.string(),
            erPhone: try r.string(), updateIntervalMinutes: try r.int())
        erStatus = try r.optional()
        erBeds = try r.optional()
        icuBeds = try r.optional()
        nicuBeds = try r.optional()
        picuBeds = try r.optional()
        erDoctors = try r.optional()
        icuDoctors = try r.optional()
        traineesOnRoll = try r.optional()
        traineesAbsent = try r.optional()
        resignations = try r.optional()
        traineesReturned = try r.optional()
        ordersIssued = try r.optional()
        ordersServed = try r.optional()
        ordersComplied = try r.optional()
        policePost = try r.optional()
        openIncidents = try r.optional()
    }
}

extension Incident: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(name)
        w.date(periodStart)
        w.int(periodHours)
        w.bool(isDemo)
    }

    init(wire r: inout WireReader) throws {
        self.init(name: try r.string(), periodStart: try r.date(), periodHours: try r.int(), isDemo: try r.bool())
    }
}

extension StrikeAction: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.string(organisation)
        w.code(form)
        w.date(start)
        w.optional(end) { $0.date($1) }
        w.string(scope)
        w.optional(participants)
        w.string(notes)
    }

    init(wire r: inout WireReader) throws {
        self.init(
            id: try r.string(), organisation: try r.string(), form: try r.code(StrikeForm.self), start: try r.date(),
            end: try r.optional { try $0.date() }, scope: try r.string(), participants: try r.optional(),
            notes: try r.string())
    }
}

extension Agency: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.string(name)
        w.code(kind)
        w.string(phone)
        w.string(notes)
    }

    init(wire r: inout WireReader) throws {
        self.init(id: try r.string(), name: try r.string(), kind: try r.code(AgencyKind.self), phone: try r.string(), notes: try r.string())
    }
}

extension Contact: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.string(agencyId)
        w.string(person)
        w.string(role)
        w.string(phone)
        w.string(mobile)
        w.string(email)
        w.string(shift)
        w.int(escalation)
        w.optional(lastVerified) { $0.date($1) }
        w.optional(lastReached) { $0.date($1) }
    }

    init(wire r: inout WireReader) throws {
        self.init(
            id: try r.string(), agencyId: try r.string(), person: try r.string(), role: try r.string(),
            phone: try r.string(), mobile: try r.string(), email: try r.string(), shift: try r.string(),
            escalation: try r.int(), lastVerified: try r.optional { try $0.date() },
            lastReached: try r.optional { try $0.date() })
    }
}

extension CallRecord: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.string(agencyId)
        w.optional(contactId)
        w.code(outcome)
        w.string(note)
        w.date(at)
        w.string(by)
    }

    init(wire r: inout WireReader) throws {
        self.init(
            id: try r.string(), agencyId: try r.string(), contactId: try r.optional(), outcome: try r.code(CallOutcome.self),
            note: try r.string(), at: try r.date(), by: try r.string())
    }
}

extension LogEntry: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.date(eventTime)
        w.value(entered)
        w.string(category)
        w.code(severity)
        w.string(text)
        w.optional(hospitalId)
        w.optional(agencyId)
    }

    init(wire r: inout WireReader) throws {
        self.init(
            id: try r.string(), eventTime: try r.date(), entered: try r.value(), category: try r.string(),
            severity: try r.code(Severity.self), text: try r.string(), hospitalId: try r.optional(), agencyId: try r.optional())
    }
}

extension ActionItem: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.string(text)
        w.string(ownerAgencyId)
        w.optional(due) { $0.date($1) }
        w.code(status)
        w.array(history)
    }

    init(wire r: inout WireReader) throws {
        self.init(
            id: try r.string(), text: try r.string(), ownerAgencyId: try r.string(), due: try r.optional { try $0.date() },
            status: try r.code(ActionStatus.self), history: try r.array())
    }
}

extension Alert: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.code(rule)
        w.string(subject)
        w.string(text)
        w.code(severity)
        w.value(raised)
        w.optional(acknowledged)
        w.string(note)
        w.optional(cleared)
    }

    init(wire r: inout WireReader) throws {
        let id = try r.string()
        self.init(
            rule: try r.code(AlertRule.self), subject: try r.string(), text: try r.string(), severity: try r.code(Severity.self),
            raised: try r.value(), acknowledged: try r.optional(), note: try r.string(), cleared: try r.optional())
        // Stored as written, not recomputed: what the board held is what comes back.
        self.id = id
    }
}

extension Briefing: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.string(title)
        w.value(marked)
    }

    init(wire r: inout WireReader) throws {
        self.init(id: try r.string(), title: try r.string(), marked: try r.value())
    }
}
