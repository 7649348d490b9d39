import Foundation

extension Board {
    /// Applies a `security.*` change. A step must come in timeline order (notified, then on scene;
    /// nothing after closed) and no time may lie after the change's own time.
    mutating func applySecurity(_ action: SecurityAction, stamp: Stamp) throws {
        switch action {
        case .open(var incident):
            incident.occurred.by = stamp.by
            incident.reported.by = stamp.by
            // A full record (from the form) may bring later steps too: each is stamped alike.
            incident.notified?.by = stamp.by
            incident.onScene?.by = stamp.by
            incident.resolved?.by = stamp.by
            try require(securityIncidents[incident.id] == nil, "security incident \(incident.id) already exists", field: "id")
            try incident.validate(on: self, now: stamp.at)
            securityIncidents[incident.id] = incident
        case .step(let id, let report):
            var incident = try existingIncident(id)
            try incident.record(report, stamp: stamp, on: self)
            securityIncidents[id] = incident
        case .remove(let id, let reason):
            _ = try existingIncident(id)
            try requireText(reason, "a reason for removing it", field: "reason")
            securityIncidents[id] = nil
        case .restore(let incident):
            try incident.validate(on: self, now: nil)
            securityIncidents[incident.id] = incident
        case .level(let hospitalId, let level):
            try requireHospital(hospitalId)
            var record = hospitalSecurity[hospitalId] ?? HospitalSecurity(hospitalId: hospitalId)
            record.level = Reported(level, stamp)
            hospitalSecurity[hospitalId] = record
        case .police(let hospitalId, let contactId, let text):
            try requireHospital(hospitalId)
            if let contactId { try require(contacts[contactId] != nil, "unknown contact \(contactId)", field: "contact") }
            var record = hospitalSecurity[hospitalId] ?? HospitalSecurity(hospitalId: hospitalId)
            record.policeContactId = contactId
            record.policeText = text
            hospitalSecurity[hospitalId] = record.isEmpty ? nil : record
        case .hospital(let record):
            try requireHospital(record.hospitalId)
            hospitalSecurity[record.hospitalId] = record.isEmpty ? nil : record
        case .types(let table):
            try table.validate()
            let inUse = Set(securityIncidents.values.map(\.type)).subtracting(table.types.map(\.code))
            try require(inUse.isEmpty, "type(s) \(inUse.sorted().joined(separator: ", ")) still used by incidents", field: "types")
            securityTypes = table
        }
    }

    func existingIncident(_ id: String) throws -> SecurityIncident {
        guard let incident = securityIncidents[id] else {
            let near = Closest.names(id, among: securityIncidents.keys.sorted().map { ($0, [$0]) })
            throw ChangeError("unknown security incident \(id)" + Closest.suffix(near), field: "id")
        }
        return incident
    }

    func requireHospital(_ id: String) throws {
        guard hospitals[id] == nil else { return }
        throw ChangeError("unknown hospital \(id)" + Closest.suffix(closestHospitals(id)), field: "hospital")
    }

    /// The undo of a `security.*` change, computed on the board before it.
    func securityInverse(_ action: SecurityAction) -> Undo? {
        func label(_ id: String) -> String {
            guard let i = securityIncidents[id] else { return id }
            return "\(id) (\(hospitals[i.hospitalId]?.name ?? i.hospitalId))"
        }
        func hospitalRecord(_ id: String) -> HospitalSecurity { hospitalSecurity[id] ?? HospitalSecurity(hospitalId: id) }
        switch action {
        case .open(let r):
            return Undo(action: .security(.remove(id: r.id, reason: "undo")), description: "undo: open security incident \(r.id)")
        case .step(let id, let report):
            guard let old = securityIncidents[id] else { return nil }
            return Undo(action: .security(.restore(old)), description: "undo: \(label(id)) \(report.step.label)")
        case .remove(let id, _):
            guard let old = securityIncidents[id] else { return nil }
            return Undo(action: .security(.restore(old)), description: "undo: remove security incident \(label(id))")
        case .restore(let r):
            if let old = securityIncidents[r.id] {
                return Undo(action: .security(.restore(old)), description: "undo: restore security incident \(label(r.id))")
            }
            return Undo(action: .security(.remove(id: r.id, reason: "undo")), description: "undo: restore security incident \(r.id)")
        case .level(let id, _), .police(let id, _, _):
            let name = hospitals[id]?.name ?? id
            let what = action.kind == .securityLevel ? "security level" : "police link"
            return Undo(action: .security(.hospital(hospitalRecord(id))), description: "undo: \(name) \(what)")
        case .hospital(let r):
            return Undo(action: .security(.hospital(hospitalRecord(r.hospitalId))),
                        description: "undo: \(hospitals[r.hospitalId]?.name ?? r.hospitalId) security")
        case .types:
            return Undo(action: .security(.types(securityTypes)), description: "undo: security incident types")
        }
    }
}

extension SecurityIncident {
    /// The incident's own rules, and with `now` (a new record, not one put back by undo) that no
    /// time lies after it.
    func validate(on board: Board, now: Date?) throws {
        try requireText(id, "incident id", field: "id")
        try board.requireHospital(hospitalId)
        if board.securityTypes.type(code: type) == nil {
            let near = board.securityTypes.closest(type).map { "\($0.code) (\($0.english))" }
            throw ChangeError("unknown incident type \(type)" + Closest.suffix(near), field: "type")
        }
        try requireText(text, "incident text", field: "text")
        try requireCount(staffInjured, "staff injured", field: "staffInjured")
        try require(reported.at >= occurred.at, "reported at \(ISO8601.format(reported.at)) is before it occurred at \(ISO8601.format(occurred.at))", field: "reported")
        if let now {
            try requireNotFuture(occurred.at, "occurred", now: now, field: "occurred")
            try requireNotFuture(reported.at, "reported", now: now, field: "reported")
            for (stamp, label, field) in [(notified, "notified", "notified"), (onScene, "on scene", "onScene"), (resolved, "closed", "resolved")] {
                if let stamp { try requireNotFuture(stamp.at, label, now: now, field: field) }
            }
        }
        if let notified { try require(notified.at >= occurred.at, "police notified before the incident occurred", field: "notified") }
        if let onScene {
            guard let notified else { throw ChangeError("police on scene but never notified", field: "onScene") }
            try require(onScene.at >= notified.at, "police on scene before they were notified", field: "onScene")
        }
        if let resolved {
            try require(resolved.at >= (onScene?.at ?? notified?.at ?? occurred.at), "closed before an earlier step", field: "resolved")
            try require(outcome != nil, "a closed incident needs an outcome", field: "outcome")
        }
        if let contactId = police?.contactId {
            try require(board.contacts[contactId] != nil, "unknown contact \(contactId)", field: "police")
        }
    }

    /// Records one step, refusing it when it is out of order.
    mutating func record(_ r: SecurityStepReport, stamp: Stamp, on board: Board) throws {
        if let resolved {
            throw ChangeError("\(id) was already closed at \(ISO8601.format(resolved.at)) by \(resolved.by); no step can follow", field: "step")
        }
        try requireNotFuture(r.at, r.step.label, now: stamp.at)
        let at = Stamp(at: r.at, by: stamp.by)
        switch r.step {
        case .notified:
            if let notified { throw ChangeError("police were already notified at \(ISO8601.format(notified.at))", field: "step") }
            try require(r.at >= occurred.at, "police notified at \(ISO8601.format(r.at)), before the incident occurred at \(ISO8601.format(occurred.at))", field: "at")
            if let contactId = r.police?.contactId {
                try require(board.contacts[contactId] != nil, "unknown contact \(contactId)", field: "police")
            }
            notified = at
            police = r.police ?? PoliceNotice()
        case .onScene:
            guard let notified else {
                throw ChangeError("police on scene before they were notified: record `notified` first", field: "step")
            }
            if let onScene { throw ChangeError("police were already on scene at \(ISO8601.format(onScene.at))", field: "step") }
            try require(r.at >= notified.at, "on scene at \(ISO8601.format(r.at)) is before the police were notified at \(ISO8601.format(notified.at))", field: "at")
            onScene = at
        case .resolved:
            guard let outcome = r.outcome else {
                throw ChangeError("closing needs an outcome (\(SecurityOutcome.allCases.map(\.rawValue).joined(separator: ", ")))", field: "outcome")
            }
            let last = onScene?.at ?? notified?.at ?? occurred.at
            try require(r.at >= last, "closed at \(ISO8601.format(r.at)) is before the last step at \(ISO8601.format(last))", field: "at")
            resolved = at
            self.outcome = outcome
            outcomeNote = r.note
        }
    }
}

func requireNotFuture(_ time: Date, _ label: String, now: Date, field: String = "at") throws {
    try require(time <= now, "\(label) time \(ISO8601.format(time)) is in the future (now \(ISO8601.format(now)))", field: field)
}

extension SecurityTypeTable {
    func validate() throws {
        try require(!types.isEmpty, "the list of incident types must not be empty", field: "types")
        var seen: Set<String> = []
        for t in types {
            try requireText(t.code, "type code", field: "types")
            try require(!t.code.contains(where: \.isWhitespace), "type code \"\(t.code)\" must be one word", field: "types")
            try requireText(t.english, "English name of \(t.code)", field: "types")
            try requireText(t.korean, "Korean name of \(t.code)", field: "types")
            try require(seen.insert(t.code).inserted, "type code \(t.code) is listed twice", field: "types")
        }
    }
}

extension SecurityAction {
    func checkLimits() throws {
        switch self {
        case .open(let r):
            for (text, label) in [(r.id, "incident id"), (r.text, "incident text"), (r.type, "type")] {
                try requireLength(text, label, field: label == "incident text" ? "text" : "id")
            }
            try requireAtMostLimit(r.staffInjured, "staff injured", field: "staffInjured")
            if let p = r.police { try p.checkLimits() }
        case .step(_, let s):
            try requireLength(s.note, "note", field: "note")
            if let p = s.police { try p.checkLimits() }
        case .remove(_, let reason): try requireLength(reason, "reason", field: "reason")
        case .police(_, _, let text): try requireLength(text, "police post", field: "text")
        case .types(let t):
            for type in t.types {
                for text in [type.code, type.korean, type.english] { try requireLength(text, "type", field: "types") }
            }
        case .restore, .level, .hospital: break
        }
    }
}

extension PoliceNotice {
    func checkLimits() throws {
        try requireLength(text, "police", field: "police")
        try requireLength(caller, "caller", field: "police")
    }
}
