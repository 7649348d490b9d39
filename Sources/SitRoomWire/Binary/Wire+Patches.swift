import Foundation
import SitRoomCore

// Field-level updates: every field optional, each with its presence byte.

extension HospitalReport: WireCodable {
    func write(to w: inout WireWriter) {
        w.optional(erState) { $0.code($1) }
        w.optional(erReason)
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
            erState: try r.optional { try $0.code(ERState.self) }, erReason: try r.optional(), erBeds: try r.optional(),
            icuBeds: try r.optional(), nicuBeds: try r.optional(), picuBeds: try r.optional(),
            erDoctors: try r.optional(), icuDoctors: try r.optional(), traineesOnRoll: try r.optional(),
            traineesAbsent: try r.optional(), resignations: try r.optional(), traineesReturned: try r.optional(),
            ordersIssued: try r.optional(), ordersServed: try r.optional(), ordersComplied: try r.optional(),
            policePost: try r.optional(), openIncidents: try r.optional())
    }
}

extension HospitalPatch: WireCodable {
    func write(to w: inout WireWriter) {
        w.optional(name)
        w.optional(romanizedName)
        w.optional(region)
        w.optional(hospitalClass) { $0.code($1) }
        w.optional(address)
        w.optional(switchboard)
        w.optional(erPhone)
        w.optional(updateIntervalMinutes)
    }

    init(wire r: inout WireReader) throws {
        self.init(
            name: try r.optional(), romanizedName: try r.optional(), region: try r.optional(),
            hospitalClass: try r.optional { try $0.code(HospitalClass.self) }, address: try r.optional(),
            switchboard: try r.optional(), erPhone: try r.optional(), updateIntervalMinutes: try r.optional())
    }
}

extension StrikePatch: WireCodable {
    func write(to w: inout WireWriter) {
        w.optional(organisation)
        w.optional(form) { $0.code($1) }
        w.optional(start) { $0.date($1) }
        w.optional(end) { $0.date($1) }
        w.optional(scope)
        w.optional(participants)
        w.optional(notes)
    }

    init(wire r: inout WireReader) throws {
        self.init(
            organisation: try r.optional(), form: try r.optional { try $0.code(StrikeForm.self) },
            start: try r.optional { try $0.date() }, end: try r.optional { try $0.date() }, scope: try r.optional(),
            participants: try r.optional(), notes: try r.optional())
    }
}

extension AgencyPatch: WireCodable {
    func write(to w: inout WireWriter) {
        w.optional(name)
        w.optional(kind) { $0.code($1) }
        w.optional(phone)
        w.optional(notes)
    }

    init(wire r: inout WireReader) throws {
        self.init(
            name: try r.optional(), kind: try r.optional { try $0.code(AgencyKind.self) }, phone: try r.optional(),
            notes: try r.optional())
    }
}

extension ContactPatch: WireCodable {
    func write(to w: inout WireWriter) {
        w.optional(agencyId)
        w.optional(person)
        w.optional(role)
        w.optional(phone)
        w.optional(mobile)
        w.optional(email)
        w.optional(shift)
        w.optional(escalation)
        w.optional(lastVerified) { $0.date($1) }
    }

    init(wire r: inout WireReader) throws {
        self.init(
            agencyId: try r.optional(), person: try r.optional(), role: try r.optional(), phone: try r.optional(),
            mobile: try r.optional(), email: try r.optional(), shift: try r.optional(), escalation: try r.optional(),
            lastVerified: try r.optional { try $0.date() })
    }
}

extension ActionPatch: WireCodable {
    func write(to w: inout WireWriter) {
        w.optional(text)
        w.optional(ownerAgencyId)
        w.optional(due) { $0.date($1) }
        w.optional(status) { $0.code($1) }
    }

    init(wire r: inout WireReader) throws {
        self.init(
            text: try r.optional(), ownerAgencyId: try r.optional(), due: try r.optional { try $0.date() },
            status: try r.optional { try $0.code(ActionStatus.self) })
    }
}
