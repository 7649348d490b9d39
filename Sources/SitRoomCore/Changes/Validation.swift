import Foundation

// Each record checks itself; `Board.apply` calls these on the record as it would be after the change.

func require(_ condition: Bool, _ message: @autoclosure () -> String, field: String) throws {
    if !condition { throw ChangeError(message(), field: field) }
}

func require(_ condition: Bool, _ message: @autoclosure () -> String, field: some RecordField) throws {
    if !condition { throw ChangeError(message(), field: field.rawValue) }
}

func requireText(_ text: String, _ label: String, field: String) throws {
    try require(hasVisibleText(text), "\(label) must not be empty", field: field)
}

func requireText(_ text: String, _ label: String, field: some RecordField) throws {
    try requireText(text, label, field: field.rawValue)
}

func requireCount(_ value: Int?, _ label: String, field: String) throws {
    guard let value else { return }
    try require(value >= 0, "\(label) must not be negative (got \(value))", field: field)
}

func requireCount(_ value: Int?, _ label: String, field: some RecordField) throws {
    try requireCount(value, label, field: field.rawValue)
}

/// Whether some character of `text` is not whitespace. Not `trimmingCharacters`: it bridges
/// through UTF-16 and dominated replaying a long log.
func hasVisibleText(_ text: String) -> Bool {
    // Fast path over the leading ASCII: a printable ASCII byte is never inside a grapheme that
    // starts with a whitespace scalar (it is no extending mark), so it settles the answer.
    var utf8 = text.utf8.makeIterator()
    while let byte = utf8.next(), byte < 0x80 {
        if byte > 0x20, byte != 0x7F { return true }
    }
    return text.contains { !$0.isWhitespace }
}

extension Capacity {
    func validate(_ label: String, field: Hospital.Figure) throws {
        try requireCount(available, "\(label) available", field: field)
        try requireCount(staffed, "\(label) staffed", field: field)
        try require(available <= staffed, "\(label) available \(available) exceeds staffed \(staffed)", field: field)
    }
}

extension Staffing {
    func validate(_ label: String, field: Hospital.Figure) throws {
        try requireCount(onDuty, "\(label) on duty", field: field)
        try requireCount(minimum, "\(label) minimum", field: field)
    }
}

extension Hospital {
    public func validate() throws {
        typealias D = Detail
        try requireText(id, "hospital id", field: "id")
        try requireText(name, "hospital name", field: D.name)
        try require(updateIntervalMinutes > 0, "update interval must be at least 1 minute", field: D.updateIntervalMinutes)
        try erBeds?.value.validate("ER beds", field: .erBeds)
        try icuBeds?.value.validate("ICU", field: .icuBeds)
        try nicuBeds?.value.validate("neonatal ICU", field: .nicuBeds)
        try picuBeds?.value.validate("paediatric ICU", field: .picuBeds)
        try erDoctors?.value.validate("ER doctors", field: .erDoctors)
        try icuDoctors?.value.validate("ICU doctors", field: .icuDoctors)
        for (figure, field) in [
            (traineesOnRoll, Figure.traineesOnRoll), (traineesAbsent, .traineesAbsent), (resignations, .resignations),
            (traineesReturned, .traineesReturned), (ordersIssued, .ordersIssued), (ordersServed, .ordersServed),
            (ordersComplied, .ordersComplied), (openIncidents, .openIncidents),
        ] {
            try requireCount(figure?.value, field.label, field: field)
        }
        if let roll = traineesOnRoll?.value {
            for (figure, field) in [(traineesAbsent, Figure.traineesAbsent), (resignations, .resignations), (traineesReturned, .traineesReturned)] {
                if let value = figure?.value {
                    try require(value <= roll, "\(field.label) \(value) exceeds on roll \(roll)", field: field)
                }
            }
        }
        if let issued = ordersIssued?.value, let served = ordersServed?.value {
            try require(served <= issued, "orders served \(served) exceeds issued \(issued)", field: Figure.ordersServed)
        }
        if let served = ordersServed?.value, let complied = ordersComplied?.value {
            try require(complied <= served, "orders complied \(complied) exceeds served \(served)", field: Figure.ordersComplied)
        }
    }
}

extension Hospital {
    /// Throws what `validate()` would throw for this hospital with `report` recorded, checking only
    /// the rules that involve a figure the report gives. The others hold already: every hospital on
    /// a board got there through `apply`, which validated it whole (add, edit, revert) or like this
    /// (report). The rules are checked in `validate()`'s order, so the first one broken, and so
    /// the message, is the same. Nothing is copied: a report is most of a long replay.
    func validate(_ r: HospitalReport) throws {
        try r.erBeds?.validate("ER beds", field: .erBeds)
        try r.icuBeds?.validate("ICU", field: .icuBeds)
        try r.nicuBeds?.validate("neonatal ICU", field: .nicuBeds)
        try r.picuBeds?.validate("paediatric ICU", field: .picuBeds)
        try r.erDoctors?.validate("ER doctors", field: .erDoctors)
        try r.icuDoctors?.validate("ICU doctors", field: .icuDoctors)
        try requireCount(r.traineesOnRoll, "trainees on roll", field: Figure.traineesOnRoll)
        try requireCount(r.traineesAbsent, "trainees absent", field: Figure.traineesAbsent)
        try requireCount(r.resignations, "resignations", field: Figure.resignations)
        try requireCount(r.traineesReturned, "trainees returned", field: Figure.traineesReturned)
        try requireCount(r.ordersIssued, "orders issued", field: Figure.ordersIssued)
        try requireCount(r.ordersServed, "orders served", field: Figure.ordersServed)
        try requireCount(r.ordersComplied, "orders complied", field: Figure.ordersComplied)
        try requireCount(r.openIncidents, "open incidents", field: Figure.openIncidents)
        if let roll = r.traineesOnRoll ?? traineesOnRoll?.value {
            func check(_ given: Int?, _ figure: Reported<Int>?, _ field: Figure) throws {
                guard r.traineesOnRoll != nil || given != nil, let value = given ?? figure?.value else { return }
                try require(value <= roll, "\(field.label) \(value) exceeds on roll \(roll)", field: field)
            }
            try check(r.traineesAbsent, traineesAbsent, .traineesAbsent)
            try check(r.resignations, resignations, .resignations)
            try check(r.traineesReturned, traineesReturned, .traineesReturned)
        }
        let issued = r.ordersIssued ?? ordersIssued?.value
        let served = r.ordersServed ?? ordersServed?.value
        let complied = r.ordersComplied ?? ordersComplied?.value
        if r.ordersIssued != nil || r.ordersServed != nil, let issued, let served {
            try require(served <= issued, "orders served \(served) exceeds issued \(issued)", field: Figure.ordersServed)
        }
        if r.ordersServed != nil || r.ordersComplied != nil, let served, let complied {
            try require(complied <= served, "orders complied \(complied) exceeds served \(served)", field: Figure.ordersComplied)
        }
    }
}

extension StrikeAction {
    public func validate() throws {
        try requireText(id, "strike id", field: "id")
        try requireText(organisation, "organisation", field: Field.organisation)
        if let end { try require(end >= start, "end is before start", field: Field.end) }
        try requireCount(participants?.value, "participants", field: Field.participants)
    }
}

extension Agency {
    public func validate() throws {
        try requireText(id, "agency id", field: "id")
        try requireText(name, "agency name", field: Field.name)
    }
}

extension Contact {
    public func validate(on board: Board) throws {
        try requireText(id, "contact id", field: "id")
        try requireText(person, "person", field: Field.person)
        try require(board.agencies[agencyId] != nil, "unknown agency \(agencyId)", field: Field.agencyId)
        try require(escalation >= 1, "escalation order must be 1 or more", field: Field.escalation)
    }
}

extension LogEntry {
    public func validate(on board: Board) throws {
        try requireText(id, "log entry id", field: Field.id)
        try requireText(text, "log text", field: Field.text)
        if let hospitalId {
            try require(board.hospitals[hospitalId] != nil, "unknown hospital \(hospitalId)", field: Field.hospitalId)
        }
        if let agencyId {
            try require(board.agencies[agencyId] != nil, "unknown agency \(agencyId)", field: Field.agencyId)
        }
    }
}

extension ActionItem {
    public func validate(on board: Board) throws {
        try requireText(id, "action id", field: "id")
        try requireText(text, "action text", field: Field.text)
        try require(board.agencies[ownerAgencyId] != nil, "unknown agency \(ownerAgencyId)", field: Field.ownerAgencyId)
    }
}

extension CallRecord {
    public func validate(on board: Board) throws {
        try requireText(id, "call id", field: "id")
        try require(board.agencies[agencyId] != nil, "unknown agency \(agencyId)", field: "agencyId")
        if let contactId {
            guard let contact = board.contacts[contactId] else { throw ChangeError.unknown("contact", contactId) }
            try require(contact.agencyId == agencyId, "contact \(contactId) is not with agency \(agencyId)", field: "contactId")
        }
    }
}

extension Incident {
    public func validate() throws {
        try requireText(name, "incident name", field: Field.name)
        try require(periodHours > 0, "operational period must be at least 1 hour", field: Field.periodHours)
    }
}
