import Foundation
import SitRoomCore

/// A change: officer, time, one byte for the kind of action, then that action's fields in the
/// order of its associated values. The kind codes are fixed: a new kind takes the next free code.
extension Change: WireCodable {
    func write(to w: inout WireWriter) {
        w.string(officer)
        w.date(at)
        action.write(to: &w)
    }

    init(wire r: inout WireReader) throws {
        self.init(officer: try r.string(), at: try r.date(), action: try ChangeAction(wire: &r))
    }
}

extension ChangeAction: WireCodable {
    func write(to w: inout WireWriter) {
        switch self {
        case .setIncident(let r): w.byte(0); w.value(r)
        case .addHospital(let r): w.byte(1); w.value(r)
        case .editHospital(let id, let p): w.byte(2); w.string(id); w.value(p)
        case .reportHospital(let id, let r): w.byte(3); w.string(id); w.value(r)
        case .revertHospital(let id, let fields, let r): w.byte(4); w.string(id); w.fields(fields); w.value(r)
        case .removeHospital(let id): w.byte(5); w.string(id)
        case .addStrike(let r): w.byte(6); w.value(r)
        case .editStrike(let id, let p): w.byte(7); w.string(id); w.value(p)
        case .revertStrike(let id, let fields, let r): w.byte(8); w.string(id); w.fields(fields); w.value(r)
        case .removeStrike(let id): w.byte(9); w.string(id)
        case .addAgency(let r): w.byte(10); w.value(r)
        case .editAgency(let id, let p): w.byte(11); w.string(id); w.value(p)
        case .removeAgency(let id): w.byte(12); w.string(id)
        case .addContact(let r): w.byte(13); w.value(r)
        case .editContact(let id, let p): w.byte(14); w.string(id); w.value(p)
        case .revertContact(let id, let fields, let r): w.byte(15); w.string(id); w.fields(fields); w.value(r)
        case .removeContact(let id): w.byte(16); w.string(id)
        case .logCall(let r): w.byte(17); w.value(r)
        case .addLog(let r): w.byte(18); w.value(r)
        case .restoreLog(let r, let position): w.byte(19); w.value(r); w.int(position)
        case .removeLog(let id): w.byte(20); w.string(id)
        case .addAction(let r): w.byte(21); w.value(r)
        case .editAction(let id, let p): w.byte(22); w.string(id); w.value(p)
        case .revertAction(let id, let fields, let r): w.byte(23); w.string(id); w.fields(fields); w.value(r)
        case .restoreAction(let r): w.byte(24); w.value(r)
        case .removeAction(let id): w.byte(25); w.string(id)
        case .raiseAlert(let r): w.byte(26); w.value(r)
        case .acknowledgeAlert(let id, let note): w.byte(27); w.string(id); w.string(note)
        case .clearAlert(let id): w.byte(28); w.string(id)
        case .markBriefing(let r): w.byte(29); w.value(r)
        // 30-44: capability (issue 15).
        case .setConditions(let r): w.byte(30); w.value(r)
        case .reportCapability(let id, let r): w.byte(31); w.string(id); w.value(r)
        case .revertCapability(let id, let keys, let r): w.byte(32); w.string(id); w.value(keys); w.value(r)
        case .addRestriction(let r): w.byte(33); w.value(r)
        case .endRestrictions(let ids): w.byte(34); w.array(ids)
        case .removeRestrictions(let ids): w.byte(35); w.array(ids)
        case .restoreRestrictions(let r): w.byte(36); w.array(r)
        case .setBaselines(let r): w.byte(37); w.value(r)
        case .takeBaselines(let r): w.byte(38); w.value(r)
        case .restoreBaselines(let r): w.byte(39); w.value(r)
        // 45-49: the E-Gen feed.
        case .reportFeed(let id, let r): w.byte(45); w.string(id); w.value(r)
        case .revertFeed(let id, let r): w.byte(46); w.string(id); w.value(r)
        case .security(let s): s.write(to: &w)
        case .roster(let a): a.write(to: &w)
        case .setAlertRules(let rules): w.byte(AlertRulesWire.code); w.optional(rules)
        }
    }

    init(wire r: inout WireReader) throws {
        switch try r.byte() {
        case 0: self = .setIncident(try r.value())
        case 1: self = .addHospital(try r.value())
        case 2: self = .editHospital(id: try r.string(), try r.value())
        case 3: self = .reportHospital(id: try r.string(), try r.value())
        case 4: self = .revertHospital(id: try r.string(), fields: try r.fields(), to: try r.value())
        case 5: self = .removeHospital(id: try r.string())
        case 6: self = .addStrike(try r.value())
        case 7: self = .editStrike(id: try r.string(), try r.value())
        case 8: self = .revertStrike(id: try r.string(), fields: try r.fields(), to: try r.value())
        case 9: self = .removeStrike(id: try r.string())
        case 10: self = .addAgency(try r.value())
        case 11: self = .editAgency(id: try r.string(), try r.value())
        case 12: self = .removeAgency(id: try r.string())
        case 13: self = .addContact(try r.value())
        case 14: self = .editContact(id: try r.string(), try r.value())
        case 15: self = .revertContact(id: try r.string(), fields: try r.fields(), to: try r.value())
        case 16: self = .removeContact(id: try r.string())
        case 17: self = .logCall(try r.value())
        case 18: self = .addLog(try r.value())
        case 19: self = .restoreLog(try r.value(), position: try r.int())
        case 20: self = .removeLog(id: try r.string())
        case 21: self = .addAction(try r.value())
        case 22: self = .editAction(id: try r.string(), try r.value())
        case 23: self = .revertAction(id: try r.string(), fields: try r.fields(), to: try r.value())
        case 24: self = .restoreAction(try r.value())
        case 25: self = .removeAction(id: try r.string())
        case 26: self = .raiseAlert(try r.value())
        case 27: self = .acknowledgeAlert(id: try r.string(), note: try r.string())
        case 28: self = .clearAlert(id: try r.string())
        case 29: self = .markBriefing(try r.value())
        case 30: self = .setConditions(try r.value())
        case 31: self = .reportCapability(id: try r.string(), try r.value())
        case 32: self = .revertCapability(id: try r.string(), keys: try r.value(), to: try r.value())
        case 33: self = .addRestriction(try r.value())
        case 34: self = .endRestrictions(ids: try r.array())
        case 35: self = .removeRestrictions(ids: try r.array())
        case 36: self = .restoreRestrictions(try r.array())
        case 37: self = .setBaselines(try r.value())
        case 38: self = .takeBaselines(try r.value())
        case 39: self = .restoreBaselines(try r.value())
        case 45: self = .reportFeed(id: try r.string(), try r.value())
        case 46: self = .revertFeed(id: try r.string(), try r.value())
        case let code where SecurityAction.wireCodes.contains(code): self = .security(try SecurityAction(wire: &r, code: code))
        case let code where RosterAction.wireCodes.contains(code): self = .roster(try RosterAction(wire: &r, code: code))
        case AlertRulesWire.code: self = .setAlertRules(try r.optional(AlertRules.self))
        case let code: throw WireReader.damage("unknown change kind \(code)")
        }
    }
}

// A revert's fields go by name, as the strings they were before they were typed: the same bytes.

extension WireWriter {
    mutating func fields(_ fields: [some RecordField]) { array(fields.map(\.rawValue)) }
}

extension WireReader {
    mutating func fields<F: RecordField>() throws -> [F] {
        try array(String.self).map { name in
            guard let field = F(rawValue: name) else { throw WireReader.damage(F.unknownMessage(name)) }
            return field
        }
    }
}
