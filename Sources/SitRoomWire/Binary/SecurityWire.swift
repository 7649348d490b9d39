import Foundation
import SitRoomCore

// Hospital security on the wire: the `security.*` changes take kind codes 50-69 (50-57 used), and
// a snapshot's security tables follow the capability tables (format SRSNAP03).

extension SecurityAction {
    static let wireCodes: ClosedRange<UInt8> = 50...69

    func write(to w: inout WireWriter) {
        switch self {
        case .open(let r): w.byte(50); w.value(r)
        case .step(let id, let s): w.byte(51); w.string(id); w.value(s)
        case .remove(let id, let reason): w.byte(52); w.string(id); w.string(reason)
        case .restore(let r): w.byte(53); w.value(r)
        case .level(let id, let level): w.byte(54); w.string(id); w.code(level)
        case .police(let id, let contact, let text): w.byte(55); w.string(id); w.optional(contact); w.string(text)
        case .hospital(let r): w.byte(56); w.value(r)
        case .types(let t): w.byte(57); w.array(t.types)
        }
    }

    init(wire r: inout WireReader, code: UInt8) throws {
        switch code {
        case 50: self = .open(try r.value())
        case 51: self = .step(id: try r.string(), try r.value())
        case 52: self = .remove(id: try r.string(), reason: try r.string())
        case 53: self = .restore(try r.value())
        case 54: self = .level(hospitalId: try r.string(), try r.code(SecurityLevel.self))
        case 55: self = .police(hospitalId: try r.string(), contactId: try r.optional(), text: try r.string())
        case 56: self = .hospital(try r.value())
        case 57: self = .types(SecurityTypeTable(types: try r.array()))
        default: throw WireReader.damage("unknown change kind \(code)")
        }
    }
}

/// The security tables of a snapshot: incidents by id, hospital records by hospital id, then the types.
enum SecurityWire {
    static func write(_ board: Board, to w: inout WireWriter) {
        w.array(board.securityIncidents.values.sorted { $0.id < $1.id })
        w.array(board.hospitalSecurity.values.sorted { $0.hospitalId < $1.hospitalId })
        w.array(board.securityTypes.types)
    }

    static func read(_ r: inout WireReader, into board: inout Board) throws {
        let incidents: [SecurityIncident] = try r.array()
        let hospitals: [HospitalSecurity] = try r.array()
        board.securityIncidents = Dictionary(incidents.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        board.hospitalSecurity = Dictionary(hospitals.map { ($0.hospitalId, $0) }, uniquingKeysWith: { _, last in last })
        board.securityTypes = SecurityTypeTable(types: try r.array())
    }
}

extension SecurityLevel: WireEnum {
    static let wireCases: [SecurityLevel] = [.normal, .elevated, .high, .lockdown]
}

extension SecurityStep: WireEnum {
    static let wireCases: [SecurityStep] = [.notified, .onScene, .resolved]
}

extension SecurityOutcome: WireEnum {
    static let wireCases: [SecurityOutcome] = [.arrest, .warning, .mediated, .noAction]
}

extension SecurityOutcome: WireCodable {
    func write(to w: inout WireWriter) { w.code(self) }
    init(wire r: inout WireReader) throws { self = try r.code(SecurityOutcome.self) }
}

extension SecurityLevel: WireCodable {
    func write(to w: inout WireWriter) { w.code(self) }
    init(wire r: inout WireReader) throws { self = try r.code(SecurityLevel.self) }
}

extension SecurityIncidentType: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(code)
        w.string(korean)
        w.string(english)
    }

    init(wire r: inout WireReader) throws {
        self.init(code: try r.string(), korean: try r.string(), english: try r.string())
    }
}

extension PoliceNotice: WireCodable {
    func write(to w: inout WireWriter) {
        w.optional(contactId)
        w.string(text)
        w.string(caller)
    }

    init(wire r: inout WireReader) throws {
        self.init(contactId: try r.optional(), text: try r.string(), caller: try r.string())
    }
}

extension SecurityStepReport: WireCodable {
    func write(to w: inout WireWriter) {
        w.code(step)
        w.date(at)
        w.optional(police)
        w.optional(outcome)
        w.string(note)
    }

    init(wire r: inout WireReader) throws {
        self.init(step: try r.code(SecurityStep.self), at: try r.date(), police: try r.optional(), outcome: try r.optional(),
                  note: try r.string())
    }
}

extension SecurityIncident: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(id)
        w.string(hospitalId)
        w.string(type)
        w.code(severity)
        w.string(text)
        w.int(staffInjured)
        w.value(occurred)
        w.value(reported)
        w.optional(notified)
        w.optional(police)
        w.optional(onScene)
        w.optional(resolved)
        w.optional(outcome)
        w.string(outcomeNote)
    }

    init(wire r: inout WireReader) throws {
        self.init(
            id: try r.string(), hospitalId: try r.string(), type: try r.string(), severity: try r.code(Severity.self),
            text: try r.string(), staffInjured: try r.int(), occurred: try r.value(), reported: try r.value(),
            notified: try r.optional(), police: try r.optional(), onScene: try r.optional(), resolved: try r.optional(),
            outcome: try r.optional(), outcomeNote: try r.string())
    }
}

extension HospitalSecurity: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(hospitalId)
        w.optional(level)
        w.optional(policeContactId)
        w.string(policeText)
    }

    init(wire r: inout WireReader) throws {
        self.init(hospitalId: try r.string(), level: try r.optional(), policeContactId: try r.optional(), policeText: try r.string())
    }
}
