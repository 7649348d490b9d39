import Foundation

extension Board {
    /// Applies one change. Pure and deterministic: the result depends only on the board and the change.
    /// Throws a `ChangeError` naming the field and the reason, and then leaves the board untouched.
    /// What the change brings in is held to the model's `Limits`.
    public mutating func apply(_ change: Change) throws {
        try change.action.checkLimits()
        try authorize(change)
        try replay(change)
    }

    /// Applies a change that was accepted once already (read back from a journal or the server), as
    /// `apply` does but without `Limits`: a journal written before a limit was set, or by a version
    /// with a higher one, still opens to the board it made.
    public mutating func replay(_ change: Change) throws {
        let stamp = change.stamp
        switch change.action {
        case .setIncident(let incident):
            try incident.validate()
            self.incident = incident

        case .addHospital(let hospital):
            try hospital.validate()
            try insert(hospital, into: \.hospitals, kind: "hospital")
        case .editHospital(let id, let p):
            hospitals[id] = try edited(id, p)
        case .reportHospital(let id, let report):
            // Checked first, then changed in place through the dictionary's values: copying the
            // hospital out and back was a tenth of replaying a long journal.
            guard let index = hospitals.index(forKey: id) else { throw ChangeError.unknown("hospital", id) }
            try hospitals.values[index].validate(report)
            hospitals.values[index].record(report, stamp: stamp)
        case .revertHospital(let id, let fields, let old):
            var h = try existing(id, in: \.hospitals, kind: "hospital")
            for field in fields { h.revert(field, to: old) }
            try h.validate()
            hospitals[id] = h
        case .removeHospital(let id):
            _ = try existing(id, in: \.hospitals, kind: "hospital")
            let incidents = securityIncidents.values.filter { $0.hospitalId == id }.count
            try require(incidents == 0, "hospital \(id) still has \(incidents) security incident(s); remove them first", field: "id")
            hospitals[id] = nil

        case .addStrike(let strike):
            try strike.validate()
            try insert(strike, into: \.strikes, kind: "strike action")
        case .editStrike(let id, let p):
            var s = try existing(id, in: \.strikes, kind: "strike action")
            patch(&s.organisation, p.organisation)
            patch(&s.form, p.form)
            patch(&s.start, p.start)
            if let end = p.end { s.end = end }
            patch(&s.scope, p.scope)
            if let n = p.participants { s.participants = Reported(n, stamp) }
            patch(&s.notes, p.notes)
            try s.validate()
            strikes[id] = s
        case .revertStrike(let id, let fields, let old):
            var s = try existing(id, in: \.strikes, kind: "strike action")
            for field in fields { s.revert(field, to: old) }
            try s.validate()
            strikes[id] = s
        case .removeStrike(let id):
            _ = try existing(id, in: \.strikes, kind: "strike action")
            strikes[id] = nil

        case .addAgency(let agency):
            try agency.validate()
            try insert(agency, into: \.agencies, kind: "agency")
        case .editAgency(let id, let p):
            var a = try existing(id, in: \.agencies, kind: "agency")
            patch(&a.name, p.name)
            patch(&a.kind, p.kind)
            patch(&a.phone, p.phone)
            patch(&a.notes, p.notes)
            try a.validate()
            agencies[id] = a
        case .removeAgency(let id):
            _ = try existing(id, in: \.agencies, kind: "agency")
            let people = contacts.values.filter { $0.agencyId == id }.count
            try require(people == 0, "agency \(id) still has \(people) contact(s); remove them first", field: "id")
            let owned = actions.values.filter { $0.ownerAgencyId == id }.count
            try require(owned == 0, "agency \(id) still owns \(owned) action item(s)", field: "id")
            agencies[id] = nil

        case .addContact(let contact):
            try contact.validate(on: self)
            try insert(contact, into: \.contacts, kind: "contact")
        case .editContact(let id, let p):
            var c = try existing(id, in: \.contacts, kind: "contact")
            patch(&c.agencyId, p.agencyId)
            patch(&c.person, p.person)
            patch(&c.role, p.role)
            patch(&c.phone, p.phone)
            patch(&c.mobile, p.mobile)
            patch(&c.email, p.email)
            patch(&c.shift, p.shift)
            patch(&c.escalation, p.escalation)
            if let verified = p.lastVerified { c.lastVerified = verified }
            try c.validate(on: self)
            contacts[id] = c
        case .revertContact(let id, let fields, let old):
            var c = try existing(id, in: \.contacts, kind: "contact")
            for field in fields { c.revert(field, to: old) }
            try c.validate(on: self)
            contacts[id] = c
        case .removeContact(let id):
            _ = try existing(id, in: \.contacts, kind: "contact")
            contacts[id] = nil

        case .logCall(var call):
            call.at = stamp.at
            call.by = stamp.by
            try call.validate(on: self)
            try require(!hasCall(call.id), "call \(call.id) already exists", field: "id")
            if call.outcome == .reached, let contactId = call.contactId {
                contacts[contactId]?.lastReached = stamp.at
            }
            appendCall(call)

        case .addLog(let entry):
            appendLog(try checkedNewLogEntry(entry, stamp))
        case .restoreLog(let entry, let position):
            try entry.validate(on: self)
            try require(!hasLogEntry(entry.id), "log entry \(entry.id) already exists", field: "id")
            try require(position >= 0, "log position must not be negative (got \(position))", field: "position")
            insertLog(entry, at: min(position, log.count))
        case .removeLog(let id):
            guard hasLogEntry(id), let index = log.lastIndex(where: { $0.id == id }) else {
                throw ChangeError.unknown("log entry", id)
            }
            removeLogEntry(at: index)

        case .addAction(var item):
            item.history = [Reported(item.status, stamp)]
            try item.validate(on: self)
            try insert(item, into: \.actions, kind: "action item")
        case .editAction(let id, let p):
            var item = try existing(id, in: \.actions, kind: "action item")
            patch(&item.text, p.text)
            patch(&item.ownerAgencyId, p.ownerAgencyId)
            if let due = p.due { item.due = due }
            if let status = p.status, status != item.status {
                item.status = status
                item.history.append(Reported(status, stamp))
            }
            try item.validate(on: self)
            actions[id] = item
        case .revertAction(let id, let fields, let old):
            var item = try existing(id, in: \.actions, kind: "action item")
            for field in fields { item.revert(field, to: old, stamp: stamp) }
            try item.validate(on: self)
            actions[id] = item
        case .restoreAction(let item):
            try item.validate(on: self)
            try insert(item, into: \.actions, kind: "action item")
        case .removeAction(let id):
            _ = try existing(id, in: \.actions, kind: "action item")
            actions[id] = nil

        case .raiseAlert(var alert):
            try require(alert.id == Alert.id(rule: alert.rule, subject: alert.subject),
                        "alert id must be \(Alert.id(rule: alert.rule, subject: alert.subject))", field: "id")
            try requireText(alert.subject, "alert subject", field: "subject")
            try require(alerts[alert.id] == nil, "alert \(alert.id) is already raised", field: "id")
            alert.raised = stamp
            alert.acknowledged = nil
            alert.cleared = nil
            alert.note = ""
            alerts[alert.id] = alert
        case .acknowledgeAlert(let id, let note):
            var alert = try raisedAlert(id)
            if let ack = alert.acknowledged {
                throw ChangeError("alert already acknowledged by \(ack.by) at \(ISO8601.format(ack.at))", field: "id")
            }
            alert.acknowledged = stamp
            alert.note = note
            alerts[id] = alert
        case .clearAlert(let id):
            var alert = try raisedAlert(id)
            alert.cleared = stamp
            alerts[id] = nil
            appendAlertHistory(alert)

        case .markBriefing(var briefing):
            try requireText(briefing.id, "briefing id", field: "id")
            try requireText(briefing.title, "briefing title", field: "title")
            try require(!briefings.contains { $0.id == briefing.id }, "briefing \(briefing.id) already exists", field: "id")
            briefing.marked = stamp
            briefings.append(briefing)

        case .setConditions, .reportCapability, .revertCapability, .addRestriction, .endRestrictions,
             .removeRestrictions, .restoreRestrictions, .setBaselines, .takeBaselines, .restoreBaselines:
            try replayCapability(change)
        case .reportFeed, .revertFeed:
            try replayFeed(change)
        case .security(let action):
            try applySecurity(action, stamp: stamp)
        case .roster(let action):
            try apply(action, stamp: stamp)
        case .setAlertRules(let rules):
            try rules?.validate()
            alertRules = rules
        }
        noteFigureOrigin(of: change)
    }

    /// Throws what `apply` would throw for `change`, without changing anything. For the changes a
    /// form checks at every keystroke (a hospital's report or details, a log entry) it does not copy
    /// the board: with 3,000 hospitals and 100,000 log entries that copy is most of a keystroke.
    public func check(_ change: Change) throws {
        try change.action.checkLimits()
        try authorize(change)
        switch change.action {
        case .reportHospital(let id, let report): try existing(id, in: \.hospitals, kind: "hospital").validate(report)
        case .editHospital(let id, let p): _ = try edited(id, p)
        case .addLog(let entry): _ = try checkedNewLogEntry(entry, change.stamp)
        default: _ = try replaying(change)  // the limits are checked above
        }
    }

    private func edited(_ id: String, _ p: HospitalPatch) throws -> Hospital {
        var h = try existing(id, in: \.hospitals, kind: "hospital")
        patch(&h.name, p.name)
        patch(&h.romanizedName, p.romanizedName)
        patch(&h.region, p.region)
        patch(&h.hospitalClass, p.hospitalClass)
        patch(&h.address, p.address)
        patch(&h.switchboard, p.switchboard)
        patch(&h.erPhone, p.erPhone)
        patch(&h.updateIntervalMinutes, p.updateIntervalMinutes)
        try h.validate()
        return h
    }

    private func checkedNewLogEntry(_ entry: LogEntry, _ stamp: Stamp) throws -> LogEntry {
        var entry = entry
        entry.entered = stamp
        try entry.validate(on: self)
        try require(!hasLogEntry(entry.id), "log entry \(entry.id) already exists", field: "id")
        return entry
    }

    /// The board after `change`, leaving this one as it is.
    public func applying(_ change: Change) throws -> Board {
        var next = self
        try next.apply(change)
        return next
    }

    func replaying(_ change: Change) throws -> Board {
        var next = self
        try next.replay(change)
        return next
    }

    /// An alert another console cleared a moment ago is named as cleared, by whom and when, rather
    /// than unknown: two officers clearing the same alert is common.
    private func raisedAlert(_ id: String) throws -> Alert {
        if let alert = alerts[id] { return alert }
        if let gone = alertHistory.last(where: { $0.id == id }), let cleared = gone.cleared {
            throw ChangeError("alert already cleared by \(cleared.by) at \(ISO8601.format(cleared.at))", field: "id")
        }
        throw ChangeError.unknown("alert", id)
    }

    private func existing<R>(_ id: String, in table: KeyPath<Board, [String: R]>, kind: String) throws -> R {
        guard let record = self[keyPath: table][id] else { throw ChangeError.unknown(kind, id) }
        return record
    }

    private mutating func insert<R: Identifiable>(
        _ record: R, into table: WritableKeyPath<Board, [String: R]>, kind: String
    ) throws where R.ID == String {
        if self[keyPath: table][record.id] != nil { throw ChangeError.duplicate(kind, record.id) }
        self[keyPath: table][record.id] = record
    }

    /// Puts `entry` at `index` by taking off the entries after it and appending them again: the cost
    /// is the number of entries after `index` (none for the last entry), and the id index stays right.
    private mutating func insertLog(_ entry: LogEntry, at index: Int) {
        var after: [LogEntry] = []
        while log.count > index {
            after.append(log[log.count - 1])
            removeLogEntry(at: log.count - 1)
        }
        appendLog(entry)
        for moved in after.reversed() { appendLog(moved) }
    }
}

extension Hospital {
    /// Stamps every figure the report gives; the rest keep their own stamps.
    mutating func record(_ r: HospitalReport, stamp: Stamp) {
        if r.erState != nil || r.erReason != nil {
            let state = r.erState ?? erStatus?.value.state ?? .open
            let reason = r.erReason ?? (r.erState == nil ? erStatus?.value.reason ?? "" : "")
            erStatus = Reported(ERStatus(state: state, reason: reason), stamp)
        }
        func set<T>(_ figure: inout Reported<T>?, _ value: T?) {
            if let value { figure = Reported(value, stamp) }
        }
        set(&erBeds, r.erBeds)
        set(&icuBeds, r.icuBeds)
        set(&nicuBeds, r.nicuBeds)
        set(&picuBeds, r.picuBeds)
        set(&erDoctors, r.erDoctors)
        set(&icuDoctors, r.icuDoctors)
        set(&traineesOnRoll, r.traineesOnRoll)
        set(&traineesAbsent, r.traineesAbsent)
        set(&resignations, r.resignations)
        set(&traineesReturned, r.traineesReturned)
        set(&ordersIssued, r.ordersIssued)
        set(&ordersServed, r.ordersServed)
        set(&ordersComplied, r.ordersComplied)
        set(&policePost, r.policePost)
        set(&openIncidents, r.openIncidents)
    }
}

// Reverts, for undo: each sets one field back to its value in `old` (nil and stamps included).

extension Hospital {
    mutating func revert(_ field: Figure, to old: Hospital) {
        switch field {
        case .erState, .erReason: erStatus = old.erStatus
        case .erBeds: erBeds = old.erBeds
        case .icuBeds: icuBeds = old.icuBeds
        case .nicuBeds: nicuBeds = old.nicuBeds
        case .picuBeds: picuBeds = old.picuBeds
        case .erDoctors: erDoctors = old.erDoctors
        case .icuDoctors: icuDoctors = old.icuDoctors
        case .traineesOnRoll: traineesOnRoll = old.traineesOnRoll
        case .traineesAbsent: traineesAbsent = old.traineesAbsent
        case .resignations: resignations = old.resignations
        case .traineesReturned: traineesReturned = old.traineesReturned
        case .ordersIssued: ordersIssued = old.ordersIssued
        case .ordersServed: ordersServed = old.ordersServed
        case .ordersComplied: ordersComplied = old.ordersComplied
        case .policePost: policePost = old.policePost
        case .openIncidents: openIncidents = old.openIncidents
        }
    }
}

extension StrikeAction {
    mutating func revert(_ field: Field, to old: StrikeAction) {
        switch field {
        case .organisation: organisation = old.organisation
        case .form: form = old.form
        case .start: start = old.start
        case .end: end = old.end
        case .scope: scope = old.scope
        case .participants: participants = old.participants
        case .notes: notes = old.notes
        }
    }
}

extension Contact {
    mutating func revert(_ field: Field, to old: Contact) {
        switch field {
        case .agencyId: agencyId = old.agencyId
        case .person: person = old.person
        case .role: role = old.role
        case .phone: phone = old.phone
        case .mobile: mobile = old.mobile
        case .email: email = old.email
        case .shift: shift = old.shift
        case .escalation: escalation = old.escalation
        case .lastVerified: lastVerified = old.lastVerified
        }
    }
}

extension ActionItem {
    /// A status that changes is added to the history with `stamp`, as an edit does.
    mutating func revert(_ field: Field, to old: ActionItem, stamp: Stamp) {
        switch field {
        case .text: text = old.text
        case .ownerAgencyId: ownerAgencyId = old.ownerAgencyId
        case .due: due = old.due
        case .status:
            if old.status != status {
                status = old.status
                history.append(Reported(old.status, stamp))
            }
        }
    }
}
